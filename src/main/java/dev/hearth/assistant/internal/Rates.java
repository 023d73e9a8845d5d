package dev.hearth.assistant.internal;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Transfer rates as people write them, to bytes per second: "5 MB/s" and "5mb" are 5,000,000; "5 MiB/s" is
 * 5,242,880; anything in bits ("40 Mbps", "40 Mbit/s") is divided by eight. A bare number has no unit: empty.
 */
public final class Rates {
    private Rates() {}

    public static OptionalLong bytesPerSecond(double amount, String unit) {
        String u = unit.toLowerCase(Locale.ROOT).replace(" ", "");
        if (u.isEmpty()) return OptionalLong.empty();
        u = u.replaceFirst("(/s|/sec|/second|persecond|asecond)$", "");
        boolean bits = false;
        if (u.endsWith("bps")) {
            bits = true;
            u = u.substring(0, u.length() - 3);
        } else if (u.endsWith("bits") || u.endsWith("bit")) {
            bits = true;
            u = u.substring(0, u.lastIndexOf("bit"));
        } else if (u.endsWith("bytes") || u.endsWith("byte")) {
            u = u.substring(0, u.lastIndexOf("byte"));
        } else if (u.endsWith("b")) {
            u = u.substring(0, u.length() - 1);
        }
        double factor = switch (u) {
            case "" -> 1;
            case "k", "kilo" -> 1e3;
            case "ki", "kibi" -> 1024;
            case "m", "mega" -> 1e6;
            case "mi", "mebi" -> 1024 * 1024;
            case "g", "giga" -> 1e9;
            case "gi", "gibi" -> 1024.0 * 1024 * 1024;
            default -> -1;
        };
        if (factor < 0) return OptionalLong.empty();
        return OptionalLong.of(Math.round(amount * factor / (bits ? 8 : 1)));
    }

    /** "5 MB/s", "620 KB/s", "unlimited": for answers. */
    public static String human(long bytesPerSecond) {
        if (bytesPerSecond <= 0) return "unlimited";
        String[] units = {"B/s", "KB/s", "MB/s", "GB/s"};
        double v = bytesPerSecond;
        int i = 0;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[i];
    }
}
