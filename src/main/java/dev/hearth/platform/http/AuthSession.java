package dev.hearth.platform.http;

import java.time.Clock;

/** The running side of an {@link AuthStrategy}: per-client state, applied around each call. */
sealed interface AuthSession permits StaticHeaderAuth, CookieSession, ExchangedHeaderSession {

    /** Sends {@code request} authenticated; may log in or repeat the call once. */
    UpstreamResponse send(UpstreamRequest request);

    /** Forgets the session and any remembered login failure. */
    void reset();

    static AuthSession start(AuthStrategy strategy, Transport transport, UpstreamClient raw, Clock clock) {
        String upstream = transport.spec().name();
        return switch (strategy) {
            case AuthStrategy.None none -> new StaticHeaderAuth(transport, null, null);
            case AuthStrategy.ApiKeyHeader k -> new StaticHeaderAuth(transport, k.header(), k.key());
            case AuthStrategy.Bearer b -> new StaticHeaderAuth(transport, "Authorization", b.headerValue());
            case AuthStrategy.Basic b -> new StaticHeaderAuth(transport, "Authorization", b.headerValue());
            case AuthStrategy.SessionCookie c -> new CookieSession(upstream, c, transport, raw, clock);
            case AuthStrategy.SessionHeader h -> new ExchangedHeaderSession(h, transport);
        };
    }
}
