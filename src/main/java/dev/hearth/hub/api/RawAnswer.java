package dev.hearth.hub.api;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A proxied answer passed through as bytes ({@code ?raw=true}): the service's content type when it is one a browser
 * cannot run (an image other than SVG, audio, video, PDF, JSON, plain text, octet-stream), else
 * {@code application/octet-stream} as a download. Hearth's origin must never serve a service's HTML, SVG or script:
 * its Content-Security-Policy trusts {@code 'self'}, and such a body would run as Hearth's own page. The answer is
 * sandboxed and not cached besides; the upstream's status is in {@code X-Upstream-Status}.
 */
final class RawAnswer {
    private static final Set<String> INLINE = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
            "image/bmp",
            "image/x-icon",
            "image/vnd.microsoft.icon",
            "application/pdf",
            "application/json",
            "text/plain",
            "application/octet-stream");

    private RawAnswer() {}

    static Response of(byte[] body, @Nullable String upstreamType, @Nullable Integer upstreamStatus) {
        String type = safeType(upstreamType);
        Response.ResponseBuilder r = Response.ok(body)
                .type(type)
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store");
        if (upstreamStatus != null) r.header("X-Upstream-Status", upstreamStatus);
        if (type.equals("application/octet-stream")) r.header("Content-Disposition", "attachment");
        return r.build();
    }

    /** The upstream's type (with its charset for text) when a browser cannot run it; octet-stream otherwise. */
    static String safeType(@Nullable String upstreamType) {
        if (upstreamType == null) return "application/octet-stream";
        String full = upstreamType.strip().toLowerCase(Locale.ROOT);
        int semicolon = full.indexOf(';');
        String bare = (semicolon < 0 ? full : full.substring(0, semicolon)).strip();
        boolean media = (bare.startsWith("audio/") || bare.startsWith("video/")) && bare.matches("[a-z]+/[a-z0-9.+-]+");
        if (!INLINE.contains(bare) && !media) return "application/octet-stream";
        if ((bare.equals("text/plain") || bare.equals("application/json"))
                && full.matches("[a-z/]+\\s*;\\s*charset=[a-z0-9_.-]{1,40}")) return full;
        return bare;
    }
}
