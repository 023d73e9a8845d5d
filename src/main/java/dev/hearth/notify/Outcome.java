package dev.hearth.notify;

import java.time.Duration;

/** What one send attempt came to; the sender decides from it whether to mark, wait, retry or give up. */
public sealed interface Outcome {
    /** The upstream took the message. */
    record Sent() implements Outcome {}

    /** The upstream asked us to slow down (HTTP 429 {@code retry_after}): wait that long, it is no failure. */
    record Throttled(Duration retryAfter) implements Outcome {}

    /** Might work later (unreachable, timeout, 5xx): retried with exponential backoff. */
    record Transient(String reason) implements Outcome {}

    /** Will not work by repeating it (bad token, unknown chat, refused payload): marked failed and shown in the outbox. */
    record Permanent(String reason) implements Outcome {}

    static Outcome sent() {
        return new Sent();
    }
}
