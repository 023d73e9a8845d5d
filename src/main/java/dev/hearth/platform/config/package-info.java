/** Platform: config. Knows no feature. */
@NullMarked
package dev.hearth.platform.config;

import org.jspecify.annotations.NullMarked;
