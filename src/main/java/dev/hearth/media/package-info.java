/**
 * Media: what Hearth needs from media servers (Plex, Jellyfin, Emby), the *arr managers (Sonarr,
 * Radarr), indexers (Prowlarr, any Torznab endpoint), request managers (Overseerr, Seerr, Jellyseerr)
 * and Tautulli, as capability interfaces and the records they answer. One package per upstream
 * implements them; nothing here knows an upstream's wire shape.
 */
@NullMarked
package dev.hearth.media;

import org.jspecify.annotations.NullMarked;
