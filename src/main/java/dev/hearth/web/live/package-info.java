/** Doors: the live WebSocket endpoints (/ws with channels, the seed's /monitoring) and their tickets. */
@NullMarked
package dev.hearth.web.live;

import org.jspecify.annotations.NullMarked;
