package dev.hearth.downloads.internal;

import dev.hearth.platform.web.ApiException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL a download may start from: a magnet (with a BitTorrent info-hash) or an http(s) link. Anything
 * else is refused here, so no client is ever handed a file://, javascript: or ftp: URL from the API.
 */
public sealed interface DownloadUrl {
    Pattern BTIH = Pattern.compile("(?i)(?:^|&)xt=urn:btih:([0-9a-f]{40}|[a-z2-7]{32})(?:&|$)");
    Pattern DN = Pattern.compile("(?:^|&)dn=([^&]*)");

    String url();

    /** A magnet; {@code infoHash} in lower-case hex, as torrent clients name the task. */
    record Magnet(String url, String infoHash, String displayName) implements DownloadUrl {}

    /** An http(s) link: a file for aria2, or a .torrent a torrent client fetches. */
    record Http(String url, String fileName) implements DownloadUrl {}

    static DownloadUrl parse(String raw) {
        String url = raw.trim();
        if (url.isEmpty()) throw ApiException.invalid("url", "must not be empty");
        if (url.length() > 8192) throw ApiException.invalid("url", "is longer than 8192 characters");
        int colon = url.indexOf(':');
        String scheme = colon < 1 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "magnet" -> magnet(url);
            case "http", "https" -> http(url);
            default ->
                throw new ApiException(
                        dev.hearth.platform.web.ErrorCode.INVALID_INPUT,
                        "url: must be a magnet:, http:// or https:// link"
                                + (scheme.isEmpty() ? "" : " (got " + scheme + ":)"),
                        Map.of("field", "url", "allowed_schemes", java.util.List.of("magnet", "http", "https")));
        };
    }

    private static Magnet magnet(String url) {
        String query = url.startsWith("magnet:?") ? url.substring("magnet:?".length()) : "";
        Matcher m = BTIH.matcher(query);
        if (!m.find())
            throw ApiException.invalid(
                    "url", "a magnet link needs xt=urn:btih: with a 40-character hex or 32-character base32 hash");
        String hash = m.group(1);
        String hex = hash.length() == 40
                ? hash.toLowerCase(Locale.ROOT)
                : HexFormat.of().formatHex(base32(hash.toUpperCase(Locale.ROOT)));
        Matcher dn = DN.matcher(query);
        String name = dn.find() ? decode(dn.group(1)) : "";
        return new Magnet(url, hex, name);
    }

    private static Http http(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("url", "is not a valid URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw ApiException.invalid("url", "has no host");
        String path = Optional.ofNullable(uri.getPath()).orElse("");
        String file = path.substring(path.lastIndexOf('/') + 1);
        return new Http(url, file.isEmpty() ? uri.getHost() : decode(file));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0, n = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
