package dev.hearth.media;

import java.time.Duration;
import java.time.Instant;

/** One past play: who watched what, when, for how long and how far. */
public record PlayRecord(
        Instant started, String user, MediaItem item, Duration watched, int percentComplete, String player) {}
