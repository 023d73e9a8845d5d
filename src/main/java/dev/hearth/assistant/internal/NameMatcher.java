package dev.hearth.assistant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches what a person typed against names that exist: exact, prefix, every word contained, or close enough for a
 * typo. One clear winner is a match; several close ones are an ambiguity the assistant asks back about.
 */
public final class NameMatcher {
    private static final double ENOUGH = 0.6;
    private static final double MARGIN = 0.1;
    private static final Set<String> NOISE = Set.of("the", "a", "an", "my", "our", "this", "that", "one", "of");

    /** The outcome: the candidates that fit, best first; {@code unique} when one stands out. */
    public record Match(List<Vocabulary.Named> found, boolean unique) {
        public boolean none() {
            return found.isEmpty();
        }

        public Vocabulary.Named best() {
            return found.getFirst();
        }
    }

    private NameMatcher() {}

    public static Match match(String query, List<Vocabulary.Named> candidates) {
        return match(query, candidates, ENOUGH);
    }

    /** With a higher bar, for a message that is nothing but a name: "plex" is plex, "order a pizza" is nobody. */
    public static Match match(String query, List<Vocabulary.Named> candidates, double enough) {
        String q = squash(query);
        if (q.isEmpty()) return new Match(List.of(), false);
        List<String> qWords = words(query);
        record Scored(Vocabulary.Named named, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Vocabulary.Named c : candidates) {
            double s = Math.max(score(q, qWords, c.id()), score(q, qWords, c.label()));
            if (s >= enough) scored.add(new Scored(c, s));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        if (scored.isEmpty()) return new Match(List.of(), false);
        double top = scored.getFirst().score();
        List<Vocabulary.Named> close = scored.stream()
                .filter(s -> top - s.score() < MARGIN)
                .map(Scored::named)
                .toList();
        boolean unique = close.size() == 1
                || top >= 1.0 && scored.stream().filter(s -> s.score() >= 1.0).count() == 1;
        return new Match(unique ? List.of(scored.getFirst().named()) : close, unique);
    }

    static double score(String q, List<String> qWords, String label) {
        String l = squash(label);
        if (l.isEmpty()) return 0;
        if (l.equals(q)) return 1.0;
        List<String> lWords = words(label);
        if (q.length() >= 3 && l.startsWith(q)) return 0.9;
        if (!qWords.isEmpty() && lWords.containsAll(qWords)) return 0.85;
        if (q.length() >= 4 && l.contains(q)) return 0.8;
        double best = similarity(q, l) * 0.9;
        for (String w : qWords) {
            if (w.length() < 3) continue;
            for (String lw : lWords) {
                if (lw.equals(w)) best = Math.max(best, 0.7);
                else if (w.length() >= 4 && lw.length() >= 4) best = Math.max(best, similarity(w, lw) * 0.75);
            }
        }
        return best >= 0.675 ? best : 0;
    }

    /** Lower case, letters and digits only: "Home-Assistant" and "home assistant" are one name. */
    public static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (String w : words(s)) b.append(w);
        return b.toString();
    }

    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !NOISE.contains(w)) out.add(w);
        }
        return out;
    }

    /** 1 minus the optimal-string-alignment distance over the longer length. */
    static double similarity(String a, String b) {
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1 : 1.0 - (double) distance(a, b) / max;
    }

    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
