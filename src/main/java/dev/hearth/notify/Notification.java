package dev.hearth.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing to tell the user. {@code source} names who raised it ({@code monitoring}, {@code downloads});
 * {@code dedupKey} says which notifications are repeats of each other: repeats of one key and level within
 * {@code notifications.dedup_window} collapse into one message. A blank key is made from source and title,
 * so a chatty caller that gives none still collapses.
 */
public record Notification(Level level, String title, String message, String source, String dedupKey, Instant time) {

    public Notification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(time, "time");
        title = title == null ? "" : title.strip();
        message = message == null ? "" : message;
        source = source == null || source.isBlank() ? "hearth" : source;
        if (title.isEmpty()) throw new IllegalArgumentException("a notification needs a title");
        dedupKey = dedupKey == null || dedupKey.isBlank() ? source + ":" + title : dedupKey;
    }

    public static Notification of(Level level, String title, String message, String source, Instant time) {
        return new Notification(level, title, message, source, "", time);
    }
}
