package dev.hearth.platform.security;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Singleton;

/** The caller of the request being served, as the request gate authenticated it. */
@Singleton
public class CurrentCaller {
    private final CurrentVertxRequest request;

    public CurrentCaller(CurrentVertxRequest request) {
        this.request = request;
    }

    public Caller get() {
        var rc = request.getCurrent();
        Caller caller = rc == null ? null : rc.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Authentication required: send X-API-Key, Authorization: Bearer, or log in");
        }
        return caller;
    }
}
