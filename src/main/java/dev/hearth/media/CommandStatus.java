package dev.hearth.media;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A command as the manager queued it: status is queued, started, completed, failed, aborted or cancelled. */
public record CommandStatus(
        int id, String name, String status, @Nullable Instant queued) {}
