package dev.hearth.platform.logging;

/**
 * Values a caller chose (a user name, a header), made safe to put in a log line: control characters and
 * line separators escaped, so nobody can write a line that looks like Hearth's own, and the length cut,
 * so nobody can fill the log with one request.
 */
public final class LogValues {
    /** What a logged value a caller chose is cut to. */
    public static final int MAX_VALUE = 128;

    private LogValues() {}

    public static String safe(String value) {
        return escape(value, MAX_VALUE);
    }

    /** {@code \n} → {@code \\n} and so on; anything past {@code max} characters becomes "…(N more)". */
    public static String escape(String value, int max) {
        int end = Math.min(value.length(), max);
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default ->
                    c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029
                            ? String.format("\\u%04x", (int) c)
                            : null;
            };
            if (replacement != null && out == null) out = new StringBuilder(value.length() + 16).append(value, 0, i);
            if (out != null) {
                if (replacement != null) out.append(replacement);
                else out.append(c);
            }
        }
        String escaped = out == null ? value.substring(0, end) : out.toString();
        return value.length() > max ? escaped + "…(" + (value.length() - max) + " more)" : escaped;
    }
}
