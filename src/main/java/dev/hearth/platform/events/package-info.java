/** Platform: events. Knows no feature. */
@NullMarked
package dev.hearth.platform.events;

import org.jspecify.annotations.NullMarked;
