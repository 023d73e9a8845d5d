package dev.hearth.hub.proxy;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A caller's path, checked and written anew so that it can only name something under the service's base URL.
 *
 * <p>Refused outright rather than repaired: a scheme or {@code //} at the start (an absolute or protocol-relative URL),
 * a backslash, a fragment, control characters, an empty segment ({@code //} anywhere), a malformed escape, and any
 * segment that is {@code .} or {@code ..} however it is written — percent-encoded ({@code %2e%2e}), encoded twice or
 * three times ({@code %252e%252e}), as full-width dots that Unicode normalisation turns into dots, or with a
 * {@code ;} parameter after it ({@code ..;}, which Tomcat reads as {@code ..}). A segment whose decoding, at any of
 * those layers, holds a {@code /}, a {@code \} or a control character is refused too ({@code %2f}, {@code %5c},
 * {@code %00}): a server that decodes before routing would see another path than the one checked.
 *
 * <p>What is sent is not the caller's text but each segment decoded once and encoded again canonically, so the
 * upstream receives exactly what was checked (and what the allow-list matched). The query the path may carry is kept
 * as written (it cannot change where the call goes), its characters checked and the ones a URL cannot hold escaped.
 */
public final class ConfinedPath {
    public static final int MAX_LENGTH = 2048;
    public static final int MAX_QUERY_LENGTH = 4096;
    public static final int MAX_QUERY_PARAMETERS = 64;
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final int DECODE_LAYERS = 3;

    private final List<String> segments;
    private final boolean trailingSlash;
    private final String query;

    private ConfinedPath(List<String> segments, boolean trailingSlash, String query) {
        this.segments = List.copyOf(segments);
        this.trailingSlash = trailingSlash;
        this.query = query;
    }

    /**
     * Checks {@code path} (as the caller gave it, after the one decoding of the query string it came in) and the
     * extra query parameters, already decoded.
     */
    public static ConfinedPath parse(String path, Map<String, List<String>> extraQuery) {
        if (path.isEmpty()) {
            throw invalid("the path is empty; give one such as /api/status");
        }
        if (path.length() > MAX_LENGTH) {
            throw invalid("the path is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (isControl(c)) {
                throw invalid("the path holds a control character");
            }
            if (c == '\\') {
                throw invalid("the path holds a backslash");
            }
            if (c == '#') {
                throw invalid("the path holds a fragment (#)");
            }
        }
        int q = path.indexOf('?');
        String rawPath = q < 0 ? path : path.substring(0, q);
        String rawQuery = q < 0 ? "" : path.substring(q + 1);
        if (!rawPath.startsWith("/")) {
            if (SCHEME.matcher(rawPath).find()) {
                throw invalid("the path is an absolute URL; give a path under the service, such as /api/status");
            }
            rawPath = "/" + rawPath;
        }
        if (rawPath.startsWith("//")) {
            throw invalid("the path starts with //, which names another host");
        }
        boolean trailing = rawPath.length() > 1 && rawPath.endsWith("/");
        String inner = rawPath.substring(1, trailing ? rawPath.length() - 1 : rawPath.length());
        List<String> segments = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String raw : inner.split("/", -1)) {
                if (raw.isEmpty()) {
                    throw invalid("the path holds an empty segment (//)");
                }
                segments.add(checkedSegment(raw));
            }
        }
        String query = query(rawQuery, extraQuery);
        return new ConfinedPath(segments, trailing, query);
    }

    /** The segments, decoded (what an allow-list is matched against). */
    public List<String> segments() {
        return segments;
    }

    /** The path as sent: {@code /} and each segment encoded canonically, and the trailing slash if there was one. */
    public String encodedPath() {
        StringBuilder out = new StringBuilder();
        for (String s : segments) {
            out.append('/').append(encodeSegment(s));
        }
        if (segments.isEmpty() || trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    /** The query as sent, without {@code ?}; empty for none. */
    public String query() {
        return query;
    }

    /** Path and query, relative to the base, as the generic client takes them. */
    public String pathAndQuery() {
        return query.isEmpty() ? encodedPath() : encodedPath() + "?" + query;
    }

    /** The path for messages and logs: the query left out (it may hold a key). */
    @Override
    public String toString() {
        return encodedPath();
    }

    /** Decodes one segment, refusing what would let it climb or split; answers its value after one decoding. */
    private static String checkedSegment(String raw) {
        String once = decode(raw);
        if (once == null) {
            throw invalid("the path holds a malformed escape (a % not followed by two hex digits)");
        }
        String layer = once;
        for (int depth = 0; ; depth++) {
            checkLayer(layer);
            if (depth == DECODE_LAYERS || layer.indexOf('%') < 0) {
                break;
            }
            String deeper = decode(layer);
            if (deeper == null || deeper.equals(layer)) {
                break; // a literal %: no further layer exists
            }
            layer = deeper;
        }
        return once;
    }

    private static void checkLayer(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                throw invalid("a path segment holds an encoded " + (c == '/' ? "slash (%2f)" : "backslash (%5c)"));
            }
            if (isControl(c)) {
                throw invalid("a path segment holds an encoded control character");
            }
        }
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC);
        String withoutParameters = normalised.split(";", 2)[0];
        if (isDots(value) || isDots(normalised) || isDots(withoutParameters)) {
            throw invalid("the path climbs out of the service's base (a '..' or '.' segment, however encoded)");
        }
        if (normalised.indexOf('/') >= 0 || normalised.indexOf('\\') >= 0) {
            throw invalid("a path segment holds a character that normalises to a slash");
        }
    }

    private static boolean isDots(String s) {
        return s.equals(".") || s.equals("..");
    }

    /** Strict percent-decoding as UTF-8; null when an escape is malformed or the bytes are not UTF-8. */
    private static @Nullable String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = hex(s.charAt(i + 1));
                int lo = hex(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** ASCII hex only: {@link Character#digit} also takes full-width and other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** RFC 3986 pchar minus {@code ;} (a path parameter to some servers): unreserved, sub-delims, {@code :} and {@code @} stay. */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAsciiAlnum(c) || "-._~!$&'()*+,=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static String query(String rawQuery, Map<String, List<String>> extra) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                if (decode(pair) == null) {
                    throw invalidQuery("the query holds a malformed escape (a % not followed by two hex digits)");
                }
                out.append(out.isEmpty() ? "" : "&").append(escapeQueryText(pair));
                count++;
            }
        }
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || hasControl(name)) {
                throw invalidQuery("a query parameter has an empty name or a control character in it");
            }
            for (String value : e.getValue()) {
                if (hasControl(value)) {
                    throw invalidQuery("the query parameter '" + name + "' holds a control character");
                }
                out.append(out.isEmpty() ? "" : "&")
                        .append(encodeQuery(name))
                        .append('=')
                        .append(encodeQuery(value));
                count++;
            }
        }
        if (count > MAX_QUERY_PARAMETERS) {
            throw invalidQuery("more than " + MAX_QUERY_PARAMETERS + " query parameters");
        }
        if (out.length() > MAX_QUERY_LENGTH) {
            throw invalidQuery("the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return out.toString();
    }

    /** Keeps a query written by the caller as written (its + and escapes), escaping only what a URL cannot hold. */
    private static String escapeQueryText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAsciiAlnum(c) || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean isAsciiAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String encodeQuery(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }

    private static ProxyRefused invalid(String why) {
        return new ProxyRefused(ProxyRefused.Reason.INVALID_PATH, why);
    }

    private static ProxyRefused invalidQuery(String why) {
        return new ProxyRefused(ProxyRefused.Reason.INVALID_QUERY, why);
    }
}
