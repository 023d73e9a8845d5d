package dev.hearth.platform.security;

import java.util.Set;

/** The only paths answered without credentials: liveness, and what the login page needs. */
public final class PublicPaths {
    private static final Set<String> EXACT = Set.of("/health", "/login", "/api/v1/auth/login", "/favicon.ico");

    private PublicPaths() {}

    public static boolean isPublic(String path) {
        return EXACT.contains(path) || path.startsWith("/assets/");
    }
}
