package dev.hearth.notify;

import java.util.List;

/**
 * The capability a channel offers: send one message to one destination. Like Uptime Kuma's providers, every
 * channel has this one shape; pacing, retries, quiet hours and de-duplication are the sender's, not the channel's.
 * Implementations must not throw: every failure is an {@link Outcome}, with no secret in its reason.
 */
public interface Notifier {

    /** Where one notification goes (Telegram: each chat); each has its own queue order and pace. */
    List<String> destinations();

    /** The messages one notification becomes, at least one; Telegram splits long text. Must be deterministic. */
    default List<String> render(Notification n) {
        return List.of(n.message());
    }

    /** Sends part {@code part} of {@link #render} to {@code destination}. */
    Outcome send(String destination, Notification n, String part);
}
