package dev.hearth.monitoring;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;

/** An alert's condition cleared (or someone resolved it by hand); {@code id} is the raised alert's. */
public record AlertResolved(
        long id, String key, AlertLevel level, String source, String message, Instant at, String resolvedBy)
        implements HearthEvent {}
