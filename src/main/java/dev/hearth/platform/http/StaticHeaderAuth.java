package dev.hearth.platform.http;

import org.jspecify.annotations.Nullable;

/** No auth, or one fixed header on every request (api key, bearer, basic). */
final class StaticHeaderAuth implements AuthSession {

    private final Transport transport;
    private final @Nullable String header;
    private final @Nullable String value;

    StaticHeaderAuth(Transport transport, @Nullable String header, @Nullable String value) {
        this.transport = transport;
        this.header = header;
        this.value = value;
    }

    @Override
    public UpstreamResponse send(UpstreamRequest request) {
        String h = header;
        String v = value;
        return transport.execute(h == null || v == null ? request : request.withHeader(h, v));
    }

    @Override
    public void reset() {
        // Nothing learned at run time.
    }
}
