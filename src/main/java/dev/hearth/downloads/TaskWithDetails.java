package dev.hearth.downloads;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored task with its files, trackers and peers as its client tells them now. When the client cannot
 * answer, the lists are empty and {@code unavailable} says why: the stored task is still shown.
 */
public record TaskWithDetails(
        Task task,
        List<TaskDetails.FileEntry> files,
        List<TaskDetails.Tracker> trackers,
        List<TaskDetails.Peer> peers,
        @Nullable String unavailable) {}
