/** Platform: caches a feature keeps in memory and lets maintenance clear. Knows no feature. */
@NullMarked
package dev.hearth.platform.cache;

import org.jspecify.annotations.NullMarked;
