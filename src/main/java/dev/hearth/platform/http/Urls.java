package dev.hearth.platform.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Joins request paths onto base URLs and encodes query strings and forms. */
final class Urls {

    private Urls() {}

    /**
     * {@code http://h/sub/} + {@code /api/x} gives {@code http://h/sub/api/x}: request paths are
     * always relative to the base path ({@link URI#resolve} would drop {@code /sub}). The result is
     * checked to stay on the base URL's host, so no path can turn a client into a proxy elsewhere.
     */
    static URI join(URI base, String path, Map<String, String> query) {
        String prefix = base.toString();
        if (!prefix.endsWith("/")) {
            prefix += "/";
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        String relative = path.substring(start);
        StringBuilder url = new StringBuilder(prefix).append(relative);
        if (!query.isEmpty()) {
            url.append(relative.indexOf('?') >= 0 ? '&' : '?').append(encodePairs(query, false));
        }
        URI uri = URI.create(url.toString());
        if (!base.getRawAuthority().equals(uri.getRawAuthority())) {
            throw new IllegalArgumentException("request path must stay on the upstream's host");
        }
        return uri;
    }

    /**
     * {@code form=true}: application/x-www-form-urlencoded (space as {@code +}); otherwise query
     * encoding with {@code %20}, which every server reads as a space.
     */
    static String encodePairs(Map<String, String> pairs, boolean form) {
        StringJoiner joined = new StringJoiner("&");
        pairs.forEach((k, v) -> joined.add(encode(k, form) + "=" + encode(v, form)));
        return joined.toString();
    }

    private static String encode(String s, boolean form) {
        String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return form ? encoded : encoded.replace("+", "%20");
    }
}
