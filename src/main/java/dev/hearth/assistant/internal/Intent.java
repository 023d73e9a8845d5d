package dev.hearth.assistant.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a chat message asks for, as the offline parser read it: names are still the user's words ("the plex
 * server"); the planner matches them against what exists.
 */
public sealed interface Intent {
    enum ServiceVerb {
        START,
        STOP,
        RESTART
    }

    enum TaskVerb {
        PAUSE,
        RESUME,
        CANCEL
    }

    enum Metric {
        CPU,
        MEMORY,
        DISK,
        ALL
    }

    enum Direction {
        DOWNLOAD,
        UPLOAD
    }

    record Status() implements Intent {}

    record ListServices() implements Intent {}

    record ServiceStatus(String target) implements Intent {}

    /** {@code target} empty: the verb came alone ("restart"). */
    record ServiceControl(ServiceVerb verb, String target) implements Intent {}

    /** "remove X" / "delete X": a service's container or a download, whichever X names. */
    record Remove(String target, boolean deleteData) implements Intent {}

    record DownloadLink(String url, @Nullable String category) implements Intent {}

    /**
     * A download by title. {@code title} is everything after the verb; {@code splitTitle}/{@code splitCategory} is
     * the reading "title to category", used only when the category exists (else "Into the Wild" would lose "Wild").
     */
    record DownloadTitle(
            String title,
            @Nullable Integer year,
            @Nullable String kind,
            @Nullable String splitTitle,
            @Nullable String splitCategory,
            boolean categoryMarked)
            implements Intent {}

    record ListDownloads() implements Intent {}

    record TaskControl(TaskVerb verb, String target, boolean deleteData) implements Intent {}

    record Alerts() implements Intent {}

    record Acknowledge(String target) implements Intent {}

    record Host(Metric metric) implements Intent {}

    /** {@code target} empty: Hearth's own log. */
    record Logs(String target) implements Intent {}

    /**
     * A speed limit: {@code bytesPerSecond} 0 means unlimited; {@code unit} is null when the number came without one
     * (the planner asks back), then {@code amount} is the bare number.
     */
    record SpeedLimit(
            Direction direction,
            long bytesPerSecond,
            double amount,
            @Nullable String unit) implements Intent {}

    record Help() implements Intent {}

    record Greeting() implements Intent {}

    record Thanks() implements Intent {}

    record Confirm() implements Intent {}

    record Deny() implements Intent {}

    record Refuse(String reason) implements Intent {}

    /** A single word or name with no verb: a service's status if it names one. */
    record Bare(String text) implements Intent {}

    record Unknown(String text) implements Intent {}
}
