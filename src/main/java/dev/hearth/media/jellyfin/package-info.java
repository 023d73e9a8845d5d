/** The {@code jellyfin} kind: Jellyfin 10.8 and later through the shared MediaBrowser client ({@code media/mediabrowser}). */
@NullMarked
package dev.hearth.media.jellyfin;

import org.jspecify.annotations.NullMarked;
