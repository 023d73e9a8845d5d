package dev.hearth.services.docker;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of a container's output, without its line terminator.
 *
 * @param timestamp when Docker received it; null unless timestamps were asked for
 */
public record LogLine(Stream stream, @Nullable Instant timestamp, String text) {

    /** TTY containers have one combined stream, reported as {@link #STDOUT}. */
    public enum Stream {
        STDOUT,
        STDERR
    }
}
