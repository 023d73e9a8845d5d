package dev.hearth.downloads.clients;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BitTorrent v1 info-hashes in lower-case hex, the id every torrent client here uses. Knowing it
 * before the client answers lets {@code add()} return the id even when the client's add call does
 * not (qBittorrent answers "Ok.").
 */
public final class InfoHash {

    private static final Pattern BTIH = Pattern.compile("(?i)[?&]xt=urn:btih:([0-9a-z]+)");
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private InfoHash() {}

    /** The btih of a magnet link (40 hex or 32 base32 characters), as hex; empty if it has none. */
    public static Optional<String> ofMagnet(String magnet) {
        if (!isMagnet(magnet)) {
            return Optional.empty();
        }
        Matcher m = BTIH.matcher(magnet);
        if (!m.find()) {
            return Optional.empty();
        }
        String value = m.group(1);
        if (value.length() == 40 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.of(value.toLowerCase(Locale.ROOT));
        }
        if (value.length() == 32) {
            return base32ToHex(value.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    public static boolean isMagnet(String url) {
        return url.regionMatches(true, 0, "magnet:", 0, 7);
    }

    /** SHA-1 of the bencoded {@code info} dictionary; {@link IllegalArgumentException} if it is not a torrent. */
    public static String ofTorrent(byte[] torrent) {
        Bencode.Span info = Bencode.topLevelValue(torrent, "info");
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(torrent, info.start(), info.end() - info.start());
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static Optional<String> base32ToHex(String value) {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : value.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[at++] = (byte) (buffer >> bits);
            }
        }
        return Optional.of(HexFormat.of().formatHex(out));
    }
}
