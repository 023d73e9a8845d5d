package dev.hearth.platform.http;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Transmission's CSRF handshake: the first call (and any after a daemon restart) is answered with
 * the challenge status and the token in a header; store it and repeat the call once with it.
 * Read the header, never the body: Transmission's 409 page also contains the header text.
 */
final class ExchangedHeaderSession implements AuthSession {

    private final AuthStrategy.SessionHeader strategy;
    private final Transport transport;
    private final AtomicReference<@Nullable String> token = new AtomicReference<>();

    ExchangedHeaderSession(AuthStrategy.SessionHeader strategy, Transport transport) {
        this.strategy = strategy;
        this.transport = transport;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        UpstreamResponse response = transport.execute(withToken(request, token.get()));
        if (response.status() != strategy.challengeStatus()) {
            return response;
        }
        Optional<String> issued = response.header(strategy.header());
        if (issued.isEmpty()) {
            return response; // a real conflict, not a handshake: the caller sees the status
        }
        token.set(issued.get());
        // Repeated once only: a second challenge is returned as it is, so a confused upstream cannot loop us.
        return transport.execute(withToken(request, issued.get()));
    }

    @Override
    public void reset() {
        token.set(null);
    }

    private UpstreamRequest withToken(UpstreamRequest request, @Nullable String value) {
        return value == null ? request : request.withHeader(strategy.header(), value);
    }
}
