package dev.hearth.admin;

import java.time.Instant;

/** One call of remote administration as the console lists it (the audit log holds every call, refusals too). */
public record HistoryEntry(
        long id,
        String type,
        Instant time,
        String actor,
        String door,
        String input,
        boolean success,
        String summary,
        long durationMs) {}
