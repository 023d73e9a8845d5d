/** The {@code lidarr} integration: music, artist by artist, through Lidarr's API v1, on the shared *arr client. */
@NullMarked
package dev.hearth.media.lidarr;

import org.jspecify.annotations.NullMarked;
