package dev.hearth.downloads;

import org.jspecify.annotations.Nullable;

/**
 * The download-complete webhook's payload (seed: the automation server), plus an optional {@code client}
 * for installs where the same hash could sit in several clients. {@code completion_time} is epoch seconds.
 */
public record WebhookCompletion(
        @Nullable String hash,
        @Nullable String name,
        @Nullable String category,
        @Nullable String savePath,
        @Nullable Long size,
        @Nullable Long completionTime,
        @Nullable String client) {}
