package dev.hearth.platform.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes written as people write it in a config file: {@code 512KB}, {@code 10MB}, {@code 1GB}. */
public record ByteSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([KMG]?B?)", Pattern.CASE_INSENSITIVE);

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
    }

    @JsonCreator
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size like 512KB, 10MB or 1GB");
        }
        long n = Long.parseLong(m.group(1));
        return new ByteSize(
                switch (m.group(2).toUpperCase(Locale.ROOT).replace("B", "")) {
                    case "K" -> n * 1024;
                    case "M" -> n * 1024 * 1024;
                    case "G" -> n * 1024 * 1024 * 1024;
                    default -> n;
                });
    }

    @JsonValue
    @Override
    public String toString() {
        if (bytes % (1024L * 1024 * 1024) == 0 && bytes > 0) return bytes / (1024L * 1024 * 1024) + "GB";
        if (bytes % (1024L * 1024) == 0 && bytes > 0) return bytes / (1024L * 1024) + "MB";
        if (bytes % 1024 == 0 && bytes > 0) return bytes / 1024 + "KB";
        return bytes + "B";
    }
}
