package dev.hearth.hub.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What became of a proxied call, and the seed's answer for it: {@code {success: true, data}} or
 * {@code {success: false, error}}, with the upstream's {@code status} whenever there was one.
 */
public sealed interface ProxyOutcome {

    /** The HTTP status the door answers with. */
    int httpStatus();

    /** The seed's shape. */
    ObjectNode toJson();

    /**
     * The service answered: its status, and its body as {@code dataJson}, the JSON text of the answer's {@code data}:
     * the service's own JSON as it came (checked to be one JSON value, never parsed into a tree and written again), a
     * JSON string of its text, or a JSON string of base64 ({@code base64} true) for bytes that are not text, or
     * {@code null} for no body. The door answers 200 whatever the upstream said; {@code success} and {@code status}
     * say it.
     */
    record Answered(
            int status, @Nullable String dataJson, @Nullable String contentType, boolean base64)
            implements ProxyOutcome {
        private static final ObjectMapper READER = new ObjectMapper();

        public boolean success() {
            return status >= 200 && status < 300;
        }

        /** The data as a tree (parsed on demand: the REST door writes {@link #dataJson} as it is). */
        public JsonNode data() {
            if (dataJson == null) return JsonNodeFactory.instance.nullNode();
            try {
                return READER.readTree(dataJson);
            } catch (IOException e) {
                throw new IllegalStateException("the proxy kept an answer that is not JSON", e);
            }
        }

        /** The body's bytes, when it was passed as base64. */
        public byte[] bytes() {
            if (!base64) throw new IllegalStateException("the answer is not base64");
            return Base64.getDecoder().decode(data().asText());
        }

        public @Nullable String error() {
            return success() ? null : "the service answered HTTP " + status;
        }

        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("success", success());
            o.put("status", status);
            if (!success()) {
                o.put("error", error());
            }
            o.set("data", data());
            if (contentType != null) {
                o.put("content_type", contentType);
            }
            if (base64) {
                o.put("encoding", "base64");
            }
            return o;
        }
    }

    /** Hearth would not make the call (a path out of bounds, a method or path not allowed, an address refused). */
    record Refused(ProxyRefused.Reason reason, String message) implements ProxyOutcome {
        @Override
        public int httpStatus() {
            return reason.httpStatus();
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("success", false);
            o.put("error", message);
            o.put("reason", reason.wire());
            return o;
        }
    }

    /** The call was made and did not come back usable; {@code status} is the upstream's when it answered (a redirect off its base). */
    record Failed(Reason reason, String message, @Nullable Integer status) implements ProxyOutcome {
        public enum Reason {
            UNREACHABLE,
            TIMEOUT,
            AUTH_FAILED,
            TOO_LARGE,
            REDIRECT_OFF_BASE,
            TOO_MANY_REDIRECTS;

            public String wire() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        /** Upstream failures are Hearth's 503 with the reason (docs/architecture.md); a bad answer is 502. */
        @Override
        public int httpStatus() {
            return switch (reason) {
                case UNREACHABLE, TIMEOUT, AUTH_FAILED -> 503;
                case TOO_LARGE, REDIRECT_OFF_BASE, TOO_MANY_REDIRECTS -> 502;
            };
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("success", false);
            o.put("error", message);
            o.put("reason", reason.wire());
            if (status != null) {
                o.put("status", status);
            }
            return o;
        }
    }
}
