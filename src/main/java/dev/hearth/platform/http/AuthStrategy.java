package dev.hearth.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How an {@link UpstreamClient} authenticates each request. A closed set: the stack knows how to
 * run each of them, integrations only pick one. Every {@code toString} hides the secret, so a
 * spec can be logged.
 */
public sealed interface AuthStrategy {

    /** How long a refused login is remembered when no cool-down is given: see {@link #sessionCookie}. */
    Duration DEFAULT_FAILED_LOGIN_COOLDOWN = Duration.ofMinutes(15);

    static AuthStrategy none() {
        return new None();
    }

    /** Sends {@code header: key} on every request (Sonarr/Radarr {@code X-Api-Key}, Plex {@code X-Plex-Token}). */
    static AuthStrategy apiKeyHeader(String header, String key) {
        return new ApiKeyHeader(header, key);
    }

    /** Sends {@code Authorization: Bearer token} on every request. */
    static AuthStrategy bearer(String token) {
        return new Bearer(token);
    }

    /** Sends {@code Authorization: Basic base64(user:password)} (UTF-8) on every request. */
    static AuthStrategy basic(String user, String password) {
        return new Basic(user, password);
    }

    /**
     * Session-cookie APIs (qBittorrent, Deluge). Login is lazy (first call), one at a time per
     * client; a response for which {@code expired} is true makes the client log in again once and
     * repeat the call once. A refused login ({@link UpstreamException.AuthFailed}) is never
     * retried automatically: it is remembered and further calls fail fast with it, without
     * touching the login endpoint, until {@link UpstreamClient#resetAuth()} or until
     * {@link #DEFAULT_FAILED_LOGIN_COOLDOWN} has passed. This keeps a wrong password from turning
     * into a login storm (qBittorrent bans the IP after 5 failures).
     */
    static AuthStrategy sessionCookie(SessionLogin login, Predicate<UpstreamResponse> expired) {
        return new SessionCookie(login, expired, DEFAULT_FAILED_LOGIN_COOLDOWN);
    }

    /** As {@link #sessionCookie(SessionLogin, Predicate)}, with the cool-down after a refused login. */
    static AuthStrategy sessionCookie(
            SessionLogin login, Predicate<UpstreamResponse> expired, Duration failedLoginCooldown) {
        return new SessionCookie(login, expired, failedLoginCooldown);
    }

    /**
     * Header exchange (Transmission's CSRF token): a response with {@code challengeStatus} carries
     * the value to use in {@code header}; the client stores it and repeats the call once with it.
     */
    static AuthStrategy sessionHeader(String header, int challengeStatus) {
        return new SessionHeader(header, challengeStatus);
    }

    record None() implements AuthStrategy {}

    record ApiKeyHeader(String header, String key) implements AuthStrategy {
        public ApiKeyHeader {
            requireText(header, "header");
            requireText(key, "key");
        }

        @Override
        public String toString() {
            return "ApiKeyHeader[header=" + header + ", key=***]";
        }
    }

    record Bearer(String token) implements AuthStrategy {
        public Bearer {
            requireText(token, "token");
        }

        String headerValue() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }

    record Basic(String user, String password) implements AuthStrategy {
        public Basic {
            requireText(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                // RFC 7617: the first colon separates user from password; a colon in the user cannot be sent.
                throw new IllegalArgumentException("a basic-auth user name cannot contain ':'");
            }
        }

        String headerValue() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    record SessionCookie(SessionLogin login, Predicate<UpstreamResponse> expired, Duration failedLoginCooldown)
            implements AuthStrategy {
        public SessionCookie {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(expired, "expired");
            Objects.requireNonNull(failedLoginCooldown, "failedLoginCooldown");
            if (failedLoginCooldown.isNegative()) {
                throw new IllegalArgumentException("failedLoginCooldown must not be negative");
            }
        }

        @Override
        public String toString() {
            // The login function may capture credentials; never print it.
            return "SessionCookie[failedLoginCooldown=" + failedLoginCooldown + "]";
        }
    }

    record SessionHeader(String header, int challengeStatus) implements AuthStrategy {
        public SessionHeader {
            requireText(header, "header");
            if (challengeStatus < 100 || challengeStatus > 599) {
                throw new IllegalArgumentException("challengeStatus must be an HTTP status, was " + challengeStatus);
            }
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
