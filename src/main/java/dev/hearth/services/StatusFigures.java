package dev.hearth.services;

import java.util.Optional;

/**
 * A feature's figures about one of its services as its last poll left them — a media server's streams, a
 * download client's transfers — for the status blocks. Never a call to the upstream: a status page is read
 * often, and its answer must not wait on every service in turn.
 */
public interface StatusFigures {
    /** What this feature read about {@code service} at its last good poll; empty when it is not this feature's or not read yet. */
    Optional<Figures> figures(String service);

    sealed interface Figures permits Streaming, Transferring {}

    /** A media server: how many are playing now. */
    record Streaming(int activeStreams) implements Figures {}

    /** A download client: tasks downloading now and the client's download rate in bytes per second. */
    record Transferring(long activeDownloads, long downloadSpeed) implements Figures {}
}
