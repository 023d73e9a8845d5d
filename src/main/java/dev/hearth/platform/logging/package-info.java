/** Platform: a bounded, queryable store of Hearth's own log. */
@NullMarked
package dev.hearth.platform.logging;

import org.jspecify.annotations.NullMarked;
