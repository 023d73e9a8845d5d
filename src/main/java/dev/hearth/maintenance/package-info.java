/**
 * Maintenance (MLTB's {@code clearCache} and {@code restartService}): clear Hearth's in-memory caches and restart
 * one of its own workers without restarting the process; admin only, through the action catalog.
 */
@NullMarked
package dev.hearth.maintenance;

import org.jspecify.annotations.NullMarked;
