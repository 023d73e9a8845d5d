/** Platform: storage. Knows no feature. */
@NullMarked
package dev.hearth.platform.storage;

import org.jspecify.annotations.NullMarked;
