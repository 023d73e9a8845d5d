package dev.hearth.downloads.internal;

/** Polls download clients now, instead of at the next interval (a webhook for a task no poll has seen yet, or just finished). */
public interface ClientPolling {
    void pollAll();

    /** Polls the one named client now; by default every client (the health board polls just that one). */
    default void poll(String client) {
        pollAll();
    }
}
