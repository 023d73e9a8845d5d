/** The {@code radarr} integration: movies through Radarr's API v3 (Radarr v3 to v5), on the shared *arr client. */
@NullMarked
package dev.hearth.media.radarr;

import org.jspecify.annotations.NullMarked;
