package dev.hearth.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;

/** Writes the error shape straight onto a Vert.x response, for failures that happen before JAX-RS. */
@Singleton
public class Errors {
    public static final String REQUEST_ID_KEY = "hearth.request_id";
    private final ObjectMapper json;

    public Errors(ObjectMapper json) {
        this.json = json;
    }

    public static String requestId(RoutingContext rc) {
        String id = rc.get(REQUEST_ID_KEY);
        return id == null ? "" : id;
    }

    public void write(RoutingContext rc, ErrorCode code, String message, Map<String, Object> details) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) return;
        try {
            byte[] body = json.writeValueAsBytes(ApiError.of(code, message, details, requestId(rc)));
            response.setStatusCode(code.status())
                    .putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(code.status()).end();
        }
    }
}
