/** Monitoring: the collectors, reading /proc and /sys directly (no OSHI/JNA: less memory, fewer moving parts). */
@NullMarked
package dev.hearth.monitoring.collectors;

import org.jspecify.annotations.NullMarked;
