package dev.hearth.downloads.internal;

/** Polls every download client now, instead of at the next interval (a webhook for a task no poll has seen yet). */
public interface ClientPolling {
    void pollAll();
}
