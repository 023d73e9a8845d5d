package dev.hearth.downloads.internal;

import dev.hearth.platform.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Just enough of a .torrent to refuse what is not one before a client sees it: the file must be one
 * bencoded dictionary holding an {@code info} dictionary. Also answers the name and the v1 info-hash
 * (SHA-1 of the info dictionary's bytes), which is the task id a torrent client will use.
 */
public record TorrentFile(String name, String infoHash) {
    private static final int MAX_DEPTH = 64;

    public static TorrentFile parse(byte[] data, String field) {
        try {
            Parser p = new Parser(data);
            if (data.length == 0 || data[0] != 'd') throw new Malformed("it does not start with a bencoded dictionary");
            TorrentFile found = p.topLevel();
            if (p.pos != data.length) throw new Malformed("there are bytes after the end of the torrent");
            return found;
        } catch (Malformed e) {
            throw ApiException.invalid(field, "not a .torrent file: " + e.getMessage());
        }
    }

    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        private final byte[] b;
        int pos;

        Parser(byte[] b) {
            this.b = b;
        }

        TorrentFile topLevel() throws Malformed {
            pos++; // 'd'
            int infoStart = -1, infoEnd = -1;
            String name = "";
            while (peek() != 'e') {
                String key = string();
                if (key.equals("info")) {
                    if (peek() != 'd') throw new Malformed("'info' is not a dictionary");
                    infoStart = pos;
                    name = infoName();
                    infoEnd = pos;
                } else {
                    skip(1);
                }
            }
            pos++;
            if (infoStart < 0) throw new Malformed("it has no 'info' dictionary");
            return new TorrentFile(name, sha1(infoStart, infoEnd));
        }

        /** Walks the info dictionary and keeps its "name". */
        private String infoName() throws Malformed {
            pos++;
            String name = "";
            while (peek() != 'e') {
                String key = string();
                if (key.equals("name") && Character.isDigit(peek())) {
                    name = string();
                } else {
                    skip(1);
                }
            }
            pos++;
            return name;
        }

        private void skip(int depth) throws Malformed {
            if (depth > MAX_DEPTH) throw new Malformed("it nests too deeply");
            byte c = peek();
            switch (c) {
                case 'i' -> {
                    int end = indexOf('e', pos + 1);
                    String digits = new String(b, pos + 1, end - pos - 1, StandardCharsets.US_ASCII);
                    if (!digits.matches("-?\\d+")) throw new Malformed("an integer is malformed at byte " + pos);
                    pos = end + 1;
                }
                case 'l' -> {
                    pos++;
                    while (peek() != 'e') skip(depth + 1);
                    pos++;
                }
                case 'd' -> {
                    pos++;
                    while (peek() != 'e') {
                        string();
                        skip(depth + 1);
                    }
                    pos++;
                }
                default -> {
                    if (!Character.isDigit(c)) throw new Malformed("unexpected byte '" + (char) c + "' at " + pos);
                    string();
                }
            }
        }

        private String string() throws Malformed {
            if (!Character.isDigit(peek())) throw new Malformed("expected a string at byte " + pos);
            int colon = indexOf(':', pos);
            long length;
            try {
                length = Long.parseLong(new String(b, pos, colon - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new Malformed("a string length is malformed at byte " + pos);
            }
            if (length < 0 || colon + 1 + length > b.length)
                throw new Malformed("a string runs past the end of the file");
            String s = new String(b, colon + 1, (int) length, StandardCharsets.UTF_8);
            pos = colon + 1 + (int) length;
            return s;
        }

        private int indexOf(char c, int from) throws Malformed {
            for (int i = from; i < b.length && i < from + 32; i++) {
                if (b[i] == c) return i;
            }
            throw new Malformed("the file ends or is malformed at byte " + from);
        }

        private byte peek() throws Malformed {
            if (pos >= b.length) throw new Malformed("the file ends in the middle");
            return b[pos];
        }

        private String sha1(int from, int to) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-1");
                md.update(b, from, to - from);
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
