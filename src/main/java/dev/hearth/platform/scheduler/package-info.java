/** Platform: scheduler. Knows no feature. */
@NullMarked
package dev.hearth.platform.scheduler;

import org.jspecify.annotations.NullMarked;
