/** The {@code sonarr} integration: series through Sonarr's API v3 (Sonarr v3 and v4), on the shared *arr client. */
@NullMarked
package dev.hearth.media.sonarr;

import org.jspecify.annotations.NullMarked;
