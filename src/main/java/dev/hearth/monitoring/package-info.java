/** Monitoring: host and workload collectors, the bounded history store, alert rules and their lifecycle. */
@NullMarked
package dev.hearth.monitoring;

import org.jspecify.annotations.NullMarked;
