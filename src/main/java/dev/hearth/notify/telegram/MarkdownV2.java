package dev.hearth.notify.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Telegram's MarkdownV2: every reserved character outside an entity needs a backslash, or the Bot API refuses
 * the whole message ("can't parse entities"). Hearth writes bold titles only, so it escapes all text it sends.
 */
final class MarkdownV2 {
    static final String RESERVED = "_*[]()~`>#+-=|{}.!\\";
    /** Telegram's limit, in UTF-16 units; counted on the escaped text, which is never shorter than the parsed one. */
    static final int MAX = 4096;

    private MarkdownV2() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code header} (already MarkdownV2) then {@code body} escaped, cut into messages of at most {@link #MAX}
     * units: at a line break or space where one is near, never inside an escape or a surrogate pair.
     */
    static List<String> split(String header, String body) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder(header);
        int i = 0;
        while (i < body.length()) {
            int room = MAX - current.length();
            int end = fit(body, i, room);
            if (end == i) { // not even one character fits: close this message
                parts.add(current.toString());
                current = new StringBuilder();
                continue;
            }
            if (end < body.length()) end = niceBreak(body, i, end);
            current.append(escape(body.substring(i, end)));
            i = end;
            if (i < body.length()) {
                parts.add(current.toString());
                current = new StringBuilder();
            }
        }
        if (!current.isEmpty() || parts.isEmpty()) parts.add(current.toString());
        return parts;
    }

    /** The end index of the longest run from {@code from} whose escaped form fits in {@code room}. */
    private static int fit(String s, int from, int room) {
        int used = 0;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            int width = RESERVED.indexOf(c) >= 0 ? 2 : 1;
            int step = Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
            if (used + width + step - 1 > room) break;
            used += width + step - 1;
            i += step;
        }
        return i;
    }

    /** Moves a cut back to just after a newline or space in the last fifth, so words stay whole where they can. */
    private static int niceBreak(String s, int from, int end) {
        int floor = from + (end - from) * 4 / 5;
        for (int j = end; j > floor; j--) {
            char c = s.charAt(j - 1);
            if (c == '\n') return j;
        }
        for (int j = end; j > floor; j--) {
            if (s.charAt(j - 1) == ' ') return j;
        }
        return end;
    }
}
