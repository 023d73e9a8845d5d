package dev.hearth.downloads;

/**
 * A download client that queues downloads beyond a number running at once (MLTB's
 * {@code maxConcurrentDownloads}). Declared by a kind as {@code Capability.of(ActiveDownloadsLimit.class)}.
 * 0 means no limit: the daemon's queueing is switched off where it has a switch.
 */
public interface ActiveDownloadsLimit {
    int maxActiveDownloads();

    void setMaxActiveDownloads(int max);
}
