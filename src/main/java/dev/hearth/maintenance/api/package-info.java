/** The REST door of maintenance: {@code /api/v1/maintenance}. */
@NullMarked
package dev.hearth.maintenance.api;

import org.jspecify.annotations.NullMarked;
