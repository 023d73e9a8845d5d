/**
 * The client the {@code jellyfin} and {@code emby} kinds share (Jellyfin forked from Emby, whose API was
 * MediaBrowser's): Jellyfin's API with {@code Authorization: MediaBrowser Token="…"} (Emby:
 * {@code X-Emby-Token}). Calls: {@code GET /System/Info} (health), {@code /Library/VirtualFolders},
 * {@code /Sessions}, {@code /Items} (newest first); {@code POST /Items/{id}/Refresh} (one library, queued),
 * {@code /Library/Media/Updated} (one path), {@code /Library/Refresh} (everything; Jellyfin answers only
 * when the whole scan is done, hence its own long timeout).
 */
@NullMarked
package dev.hearth.media.mediabrowser;

import org.jspecify.annotations.NullMarked;
