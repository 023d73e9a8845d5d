package dev.hearth.fakes.media;

import java.util.List;
import java.util.Locale;

/** The scenario's releases an indexer double finds for a query and a category ("2000" matches 2040). */
final class Releases {

    private Releases() {}

    static List<MediaScenario.Found> matching(String query, List<String> categories) {
        String q = query.toLowerCase(Locale.ROOT);
        return MediaScenario.RELEASES.stream()
                .filter(f ->
                        f.title().toLowerCase(Locale.ROOT).replace('.', ' ').contains(q))
                .filter(f -> categories.isEmpty()
                        || categories.stream()
                                .anyMatch(c -> c.equals(Integer.toString(f.category()))
                                        || Integer.toString(f.category()).startsWith(c.substring(0, 1))
                                                && c.endsWith("000")))
                .toList();
    }

    static String infoHash(MediaScenario.Found f) {
        return String.format("%040x", Math.abs((long) f.title().hashCode()));
    }
}
