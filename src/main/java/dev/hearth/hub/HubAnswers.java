package dev.hearth.hub;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
     * answered, whatever it said).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proxied(
            boolean success,
            @Nullable Integer status,
            @Nullable JsonNode data,
            @Nullable String error,
            @Nullable String reason,
            @Nullable String contentType,
            @Nullable String encoding,
            @JsonIgnore int httpStatus) {

        static Proxied of(ProxyOutcome outcome) {
            JsonNode j = outcome.toJson();
            return new Proxied(
                    j.path("success").asBoolean(false),
                    j.hasNonNull("status") ? j.get("status").asInt() : null,
                    j.has("data") ? j.get("data") : null,
                    j.hasNonNull("error") ? j.get("error").asText() : null,
                    j.hasNonNull("reason") ? j.get("reason").asText() : null,
                    j.hasNonNull("content_type") ? j.get("content_type").asText() : null,
                    j.hasNonNull("encoding") ? j.get("encoding").asText() : null,
                    outcome.httpStatus());
        }
    }
}
