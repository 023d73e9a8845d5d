/** Monitoring doors: REST resources for metrics, history and alerts. */
@NullMarked
package dev.hearth.monitoring.api;

import org.jspecify.annotations.NullMarked;
