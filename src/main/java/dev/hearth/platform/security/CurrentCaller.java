package dev.hearth.platform.security;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Singleton;

/** The caller of the request being served, as the request gate authenticated it, and where it came from. */
@Singleton
public class CurrentCaller {
    /** Where the request gate leaves the client's address (after {@link ProxyTrust}). */
    public static final String CLIENT_ADDRESS_KEY = "hearth.client_address";
    /** Where the request gate leaves whether the browser talked HTTPS (to Hearth or to a trusted proxy). */
    public static final String HTTPS_KEY = "hearth.https";

    private final CurrentVertxRequest request;

    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Caller get() {
        var rc = request.getCurrent();
        Caller caller = rc == null ? null : rc.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new ApiException(
                    ErrorCode.UNAUTHORIZED,
                    "Authentication required: send X-API-Key, Authorization: Bearer, or log in");
        }
        return caller;
    }

    /** The client's address: the peer, or behind a trusted proxy the address the proxy saw. */
    public String address() {
        var rc = request.getCurrent();
        String address = rc == null ? null : rc.get(CLIENT_ADDRESS_KEY);
        return address == null ? "" : address;
    }

    public boolean https() {
        var rc = request.getCurrent();
        return rc != null && Boolean.TRUE.equals(rc.get(HTTPS_KEY));
    }
}
