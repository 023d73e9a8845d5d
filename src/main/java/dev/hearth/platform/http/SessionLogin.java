package dev.hearth.platform.http;

/**
 * Logs in to a session-cookie API. It runs on the raw client (no auth applied, so no login
 * recursion) and must leave the session cookie in that client's jar, or throw
 * {@link UpstreamException.AuthFailed} when the upstream refuses the credentials. Only
 * {@code AuthFailed} is remembered (see {@link AuthStrategy#sessionCookie}); other
 * {@link UpstreamException}s count as transient.
 */
@FunctionalInterface
public interface SessionLogin {
    void login(UpstreamClient raw) throws UpstreamException;
}
