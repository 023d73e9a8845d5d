package dev.hearth.platform.web;

import java.net.URI;
import java.util.Locale;

/**
 * Same origin, as browsers judge it: scheme, host and port all equal. Another service on the same host
 * name but another port (common on a home server) is another origin, so it cannot act through Hearth.
 */
final class Origins {
    private Origins() {}

    /**
     * @param origin    the {@code Origin} header, e.g. {@code https://hearth.example}
     * @param authority the host the browser addressed, e.g. {@code hearth.example} or {@code 192.168.1.5:4327}
     * @param https     whether the browser talked HTTPS to that host
     */
    static boolean same(String origin, String authority, boolean https) {
        if (authority.isBlank() || origin.equals("null")) return false;
        try {
            URI o = URI.create(origin);
            URI a = URI.create((https ? "https://" : "http://") + authority);
            if (o.getScheme() == null
                    || o.getHost() == null
                    || a.getHost() == null
                    || o.getRawPath() != null && !o.getRawPath().isEmpty()) {
                return false;
            }
            return o.getScheme().equalsIgnoreCase(a.getScheme())
                    && o.getHost().toLowerCase(Locale.ROOT).equals(a.getHost().toLowerCase(Locale.ROOT))
                    && port(o) == port(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
