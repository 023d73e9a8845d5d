/**
 * The {@code emby} integration: Emby serves the API the Jellyfin client uses (Jellyfin forked from it),
 * authenticated with {@code X-Emby-Token}.
 */
@NullMarked
package dev.hearth.media.emby;

import org.jspecify.annotations.NullMarked;
