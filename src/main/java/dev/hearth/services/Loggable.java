package dev.hearth.services;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A runtime facet: its output can be read and followed. */
public interface Loggable {
    /** The last {@code tail} lines (all if negative), only those after {@code since} when given. */
    List<ServiceLogLine> logs(int tail, @Nullable Instant since);

    /** Follows the output live from the last {@code tail} lines until the handle is closed. */
    AutoCloseable follow(int tail, Consumer<ServiceLogLine> consumer);
}
