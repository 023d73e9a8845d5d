/**
 * The {@code emby} kind: Emby serves the API the Jellyfin client uses (Jellyfin forked from it), authenticated
 * with {@code X-Emby-Token}; the client is the shared one in {@code media/mediabrowser}.
 */
@NullMarked
package dev.hearth.media.emby;

import org.jspecify.annotations.NullMarked;
