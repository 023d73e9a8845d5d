/** The REST door of plugins: {@code /api/v1/plugins}. */
@NullMarked
package dev.hearth.plugins.api;

import org.jspecify.annotations.NullMarked;
