package dev.hearth.platform.security;

import java.util.Set;

/**
 * The only paths answered without credentials: liveness, what the login page needs, and webhooks that
 * authenticate themselves with a secret of their own (a torrent client's completion hook has no API key).
 */
public final class PublicPaths {
    private static final Set<String> EXACT = Set.of("/health", "/login", "/api/v1/auth/login", "/favicon.ico",
            "/api/v1/webhooks/download-complete");

    private PublicPaths() {}

    public static boolean isPublic(String path) {
        return EXACT.contains(path) || path.startsWith("/assets/");
    }
}
