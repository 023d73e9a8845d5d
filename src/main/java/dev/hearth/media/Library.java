package dev.hearth.media;

import java.util.List;

/** One library (a Plex section, a Jellyfin virtual folder) with the folders it scans. */
public record Library(String id, String name, LibraryKind kind, List<String> locations, boolean refreshing) {
    public Library {
        locations = List.copyOf(locations);
    }
}
