package dev.hearth.notify;

/** Text helpers the channels share: cutting to an upstream's limit without splitting a character in two. */
public final class Texts {
    private Texts() {}

    /** At most {@code max} UTF-16 units, ending in an ellipsis when cut; never half a surrogate pair. */
    public static String truncate(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }

    /** The title and message as one plain text, for channels without a title field. */
    public static String plain(Notification n) {
        return n.message().isEmpty() ? n.title() : n.title() + "\n\n" + n.message();
    }
}
