package dev.hearth.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every problem of a configuration, each naming its key, collected rather than thrown so a bad file is
 * answered with all of them at once (Dropwizard's habit). {@link #at} gives a view whose keys are
 * relative: a section or a kind's settings check their own keys without knowing where they sit.
 */
public final class Problems {
    private final String prefix;
    private final List<String> all;

    public Problems() {
        this("", new ArrayList<>());
    }

    private Problems(String prefix, List<String> all) {
        this.prefix = prefix;
        this.all = all;
    }

    /** The same list, with keys under {@code key} ({@code channels[0]}, {@code telegram}). */
    public Problems at(String key) {
        return new Problems(join(prefix, key), all);
    }

    public void add(String key, String problem) {
        String where = join(prefix, key);
        all.add(where.isEmpty() ? problem : where + ": " + problem);
    }

    public void check(boolean ok, String key, String problem) {
        if (!ok) add(key, problem);
    }

    public void positive(Duration d, String key) {
        check(d != null && !d.isNegative() && !d.isZero(), key, "must be a positive duration like 30s or 15m");
    }

    public void httpUrl(String url, String key) {
        check(isHttpUrl(url), key, "must be an http:// or https:// URL");
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(all);
    }

    /** Throws every problem collected so far, if any. */
    public void throwIfAny() {
        if (!all.isEmpty()) throw new ConfigException(all);
    }

    public static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String join(String prefix, String key) {
        if (prefix.isEmpty()) return key;
        if (key.isEmpty()) return prefix;
        return key.startsWith("[") ? prefix + key : prefix + "." + key;
    }
}
