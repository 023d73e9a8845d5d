package dev.hearth.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Picks among an indexer's releases by the rules of {@code media.download}: the release must name the title
 * (and the year, when one was asked for), have enough seeders and a size in range; of those, the one with the
 * most preferred words (an earlier word weighs more) wins, then the one with the most seeders.
 */
public final class ReleaseRules {
    private static final Pattern YEAR = Pattern.compile("\\b(19[0-9]{2}|20[0-9]{2})\\b");
    private static final long MB = 1024L * 1024L;

    private ReleaseRules() {}

    /** A release that passed the rules, its score and the preferred words it carries. */
    public record Ranked(
            Release release,
            int score,
            List<String> preferred,
            @Nullable Integer year) {}

    /** What passed (best first) and how many were dropped for each rule. */
    public record Verdict(List<Ranked> kept, int otherTitle, int fewSeeders, int sizeOutOfRange) {
        public int dropped() {
            return otherTitle + fewSeeders + sizeOutOfRange;
        }
    }

    public static Verdict rank(
            List<Release> releases, String title, @Nullable Integer year, MediaConfig.Download rules) {
        String wanted = words(title);
        List<Ranked> kept = new ArrayList<>();
        int otherTitle = 0;
        int fewSeeders = 0;
        int size = 0;
        for (Release r : releases) {
            String name = words(r.title());
            @Nullable Integer releaseYear = yearAfterTitle(name, wanted);
            if (!(" " + name + " ").contains(" " + wanted + " ") || year != null && !year.equals(releaseYear)) {
                otherTitle++;
            } else if (r.seeders() < rules.minSeeders()) {
                fewSeeders++;
            } else if (r.size() < rules.minSizeMb() * MB
                    || rules.maxSizeMb() > 0 && r.size() > rules.maxSizeMb() * MB) {
                size++;
            } else {
                List<String> preferred = new ArrayList<>();
                int score = 0;
                List<String> words = rules.preferredWords();
                for (int i = 0; i < words.size(); i++) {
                    if ((" " + name + " ").contains(" " + words(words.get(i)) + " ")) {
                        preferred.add(words.get(i));
                        score += words.size() - i;
                    }
                }
                kept.add(new Ranked(r, score, List.copyOf(preferred), releaseYear));
            }
        }
        kept.sort(Comparator.comparingInt(Ranked::score)
                .reversed()
                .thenComparing(Comparator.comparingInt((Ranked k) -> k.release().seeders())
                        .reversed()));
        return new Verdict(List.copyOf(kept), otherTitle, fewSeeders, size);
    }

    /** Lower case, words apart: "Dune.Part.Two.2024-GRP" and "Dune: Part Two" compare alike. */
    static String words(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    private static @Nullable Integer yearAfterTitle(String name, String title) {
        int at = (" " + name + " ").indexOf(" " + title + " ");
        String rest = at < 0 ? name : name.substring(Math.min(name.length(), at + title.length()));
        Matcher m = YEAR.matcher(rest);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
