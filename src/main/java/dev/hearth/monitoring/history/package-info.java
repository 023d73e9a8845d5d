/** Monitoring: history. */
@NullMarked
package dev.hearth.monitoring.history;

import org.jspecify.annotations.NullMarked;
