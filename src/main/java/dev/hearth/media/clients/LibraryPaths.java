package dev.hearth.media.clients;

import dev.hearth.media.Library;
import dev.hearth.media.MediaNotFoundException;
import java.util.Comparator;
import java.util.List;

/** Which library scans a path: the one with the longest location that contains it, segment by segment. */
public final class LibraryPaths {

    private LibraryPaths() {}

    public static Library owning(List<Library> libraries, String path, String server) {
        String wanted = trimmed(path);
        return libraries.stream()
                .flatMap(l -> l.locations().stream()
                        .filter(loc -> contains(trimmed(loc), wanted))
                        .map(loc -> new Match(l, loc)))
                .max(Comparator.comparingInt(m -> m.location().length()))
                .map(Match::library)
                .orElseThrow(() -> new MediaNotFoundException(
                        "no library of " + server + " contains " + path + "; its libraries scan "
                                + libraries.stream()
                                        .flatMap(l -> l.locations().stream())
                                        .toList()));
    }

    private record Match(Library library, String location) {}

    private static boolean contains(String location, String path) {
        return !location.isEmpty()
                && (path.equals(location) || path.startsWith(location + "/") || path.startsWith(location + "\\"));
    }

    private static String trimmed(String p) {
        String s = p.strip();
        while (s.length() > 1 && (s.endsWith("/") || s.endsWith("\\"))) s = s.substring(0, s.length() - 1);
        return s;
    }
}
