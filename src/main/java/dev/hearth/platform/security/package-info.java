/** Platform: security. Knows no feature. */
@NullMarked
package dev.hearth.platform.security;

import org.jspecify.annotations.NullMarked;
