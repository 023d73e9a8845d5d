/** Platform: the injected clock. */
@NullMarked
package dev.hearth.platform.time;

import org.jspecify.annotations.NullMarked;
