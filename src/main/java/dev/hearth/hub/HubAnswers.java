package dev.hearth.hub;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.hearth.hub.detect.DetectedApi;
import dev.hearth.hub.proxy.ProxyOutcome;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The hub's typed answers, the same through every door (REST, chat, MCP). */
public final class HubAnswers {
    private HubAnswers() {}

    /** Detection of one or more services; {@code cached} counts the results reused from the last 7 days. */
    public record Detections(List<DetectedApi> services, int cached, long tookMs) {}

    /** One credential field of a service: set or not, where it comes from, when and by whom (never its value). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialField(
            String field,
            boolean set,
            String source,
            @Nullable Instant setAt,
            @Nullable String setBy) {}

    /** A service's credentials as the API shows them: names and dates only. */
    public record Credentials(String service, List<CredentialField> fields) {}

    /** "Test connection": whether the service accepted the credentials on a read of its API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectionTest(boolean ok, @Nullable Integer status, String message, String path) {}

    /** The vault's new key: how many values were re-sealed, key ids only. */
    public record Rotated(int entries, String fromKeyId, String toKeyId, Instant at) {}

    /**
     * The seed's proxy answer: {@code {success, data}} or {@code {success: false, error}}, with the upstream's
     * {@code status} when it answered; {@code httpStatus} is what the REST door answers with (200 when the service
     * answered, whatever it said). {@code data} is JSON text written as it is (the service's own JSON is not parsed
     * into a tree and written again); absent when the service did not answer.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proxied(
            boolean success,
            @Nullable Integer status,
            @JsonRawValue @Nullable String data,
            @Nullable String error,
            @Nullable String reason,
            @Nullable String contentType,
            @Nullable String encoding,
            @JsonIgnore int httpStatus) {

        /** The body's bytes when the answer carries them as base64 (a raw call, or bytes that are not text); empty for no body. */
        @JsonIgnore
        public java.util.Optional<byte[]> bytes() {
            if (!success) return java.util.Optional.empty();
            if ("null".equals(data)) return java.util.Optional.of(new byte[0]);
            if (!"base64".equals(encoding) || data == null || data.length() < 2) return java.util.Optional.empty();
            // a JSON string of base64: no character of the alphabet is escaped
            return java.util.Optional.of(java.util.Base64.getDecoder().decode(data.substring(1, data.length() - 1)));
        }

        static Proxied of(ProxyOutcome outcome) {
            return switch (outcome) {
                case ProxyOutcome.Answered a ->
                    new Proxied(
                            a.success(),
                            a.status(),
                            a.dataJson() == null ? "null" : a.dataJson(),
                            a.error(),
                            null,
                            a.contentType(),
                            a.base64() ? "base64" : null,
                            a.httpStatus());
                case ProxyOutcome.Refused r ->
                    new Proxied(false, null, null, r.message(), r.reason().wire(), null, null, r.httpStatus());
                case ProxyOutcome.Failed f ->
                    new Proxied(false, f.status(), null, f.message(), f.reason().wire(), null, null, f.httpStatus());
            };
        }
    }
}
