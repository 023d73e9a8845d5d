/** Platform: integration. Knows no feature. */
@NullMarked
package dev.hearth.platform.integration;

import org.jspecify.annotations.NullMarked;
