package dev.hearth.compat;

import java.util.Locale;

/** The seeds' human strings for figures Hearth keeps as numbers: "5.2 MB/s", "2.5 GB", "8m 30s". */
public final class CompatFigures {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private CompatFigures() {}

    /** Binary multiples with one decimal above bytes, as the seeds print them. */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    public static String speed(long bytesPerSecond) {
        return size(bytesPerSecond) + "/s";
    }

    /** Seconds left as "1h 5m", "8m 30s", "45s"; a negative or unknown figure is "∞" as clients show it. */
    public static String eta(long seconds) {
        if (seconds < 0 || seconds >= 8_640_000) return "∞";
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) return h + "h " + m + "m";
        return m > 0 ? m + "m " + s + "s" : s + "s";
    }
}
