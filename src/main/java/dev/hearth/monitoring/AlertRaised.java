package dev.hearth.monitoring;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;
import java.util.Map;

/**
 * An alert was raised, or an open one rose to a higher level ({@code escalated}). The notify feature
 * routes it; {@code id} plus {@code level} is unique, so a listener can drop a repeat after a crash.
 */
public record AlertRaised(
        long id,
        String key,
        AlertLevel level,
        String source,
        String message,
        Map<String, Object> details,
        Instant at,
        boolean escalated)
        implements HearthEvent {}
