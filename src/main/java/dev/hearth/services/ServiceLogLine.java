package dev.hearth.services;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a service's output; {@code stream} is stdout or stderr, {@code time} when it was written if known. */
public record ServiceLogLine(@Nullable Instant time, String stream, String text) {}
