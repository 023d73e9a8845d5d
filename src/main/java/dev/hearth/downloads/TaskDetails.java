package dev.hearth.downloads;

import java.util.List;

/** A task with its files, trackers and peers. */
public record TaskDetails(DownloadTask task, List<FileEntry> files, List<Tracker> trackers, List<Peer> peers) {

    public record FileEntry(String path, long size, double progress, int priority) {}

    public record Tracker(String url, String status, int peers, String message) {}

    public record Peer(
            String address, String client, double progress, long downloadSpeed, long uploadSpeed, String country) {}
}
