/** Monitoring: alerts. */
@NullMarked
package dev.hearth.monitoring.alerts;

import org.jspecify.annotations.NullMarked;
