/** Platform: the live hub that fans messages out to WebSocket clients by channel. Knows no feature. */
@NullMarked
package dev.hearth.platform.live;

import org.jspecify.annotations.NullMarked;
