/** Downloads: one task model over qBittorrent, Deluge, Transmission and aria2, through completion. */
@NullMarked
package dev.hearth.downloads;

import org.jspecify.annotations.NullMarked;
