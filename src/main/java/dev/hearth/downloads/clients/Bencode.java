package dev.hearth.downloads.clients;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of a bencode reader to find where the top-level {@code info} dictionary starts and
 * ends in a .torrent file: the info-hash is the SHA-1 of exactly those bytes, so they must not be
 * decoded and re-encoded.
 */
final class Bencode {

    /** A byte range [start, end) of the input. */
    record Span(int start, int end) {}

    private final byte[] data;
    private int pos;

    private Bencode(byte[] data) {
        this.data = data;
    }

    /** The span of the value of key {@code key} in the top-level dictionary. */
    static Span topLevelValue(byte[] torrent, String key) {
        Bencode reader = new Bencode(torrent);
        if (torrent.length == 0 || torrent[0] != 'd') {
            throw new IllegalArgumentException("not a torrent file: it does not start with a bencoded dictionary");
        }
        reader.pos = 1;
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        while (reader.peek() != 'e') {
            Span k = reader.string();
            int valueStart = reader.pos;
            reader.skipValue(0);
            if (java.util.Arrays.equals(torrent, k.start(), k.end(), wanted, 0, wanted.length)) {
                return new Span(valueStart, reader.pos);
            }
        }
        throw new IllegalArgumentException("not a torrent file: no '" + key + "' dictionary");
    }

    private byte peek() {
        if (pos >= data.length) {
            throw new IllegalArgumentException("not a torrent file: it ends early");
        }
        return data[pos];
    }

    // Depth-limited: a hostile file must not overflow the stack.
    private void skipValue(int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("not a torrent file: nested too deeply");
        }
        byte b = peek();
        switch (b) {
            case 'i' -> {
                pos++;
                while (peek() != 'e') {
                    pos++;
                }
                pos++;
            }
            case 'l', 'd' -> {
                pos++;
                while (peek() != 'e') {
                    if (b == 'd') {
                        string();
                    }
                    skipValue(depth + 1);
                }
                pos++;
            }
            default -> string();
        }
    }

    /** A byte string {@code <length>:<bytes>}; answers the span of its bytes. */
    private Span string() {
        int length = 0;
        while (peek() != ':') {
            byte d = data[pos++];
            if (d < '0' || d > '9' || length > 100_000_000) {
                throw new IllegalArgumentException("not a torrent file: bad string length at byte " + (pos - 1));
            }
            length = length * 10 + (d - '0');
        }
        pos++;
        int start = pos;
        pos += length;
        if (pos > data.length) {
            throw new IllegalArgumentException("not a torrent file: a string runs past the end");
        }
        return new Span(start, pos);
    }
}
