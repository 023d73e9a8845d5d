package dev.hearth.media.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Turns a webhook body from a known source into a {@link MediaWebhookEvent}, or says why it cannot. */
public final class MediaWebhooks {
    private final ObjectMapper json;

    public MediaWebhooks(ObjectMapper json) {
        this.json = json;
    }

    /** {@code contentType} matters for Plex only (its JSON is a field of a multipart form). */
    public MediaWebhookEvent parse(WebhookSource source, @Nullable String contentType, byte[] body) {
        return switch (source) {
            case ARR -> ArrPayloads.parse(object(body, "Sonarr/Radarr"));
            case OVERSEERR -> SeerrPayloads.parse(object(body, "Overseerr"));
            case JELLYFIN -> JellyfinPayloads.parse(object(body, "Jellyfin"));
            case PLEX -> PlexPayloads.parse(plexPayload(contentType, body));
        };
    }

    /** Plex posts multipart with the JSON in {@code payload}; a proxy that re-posts it as plain JSON is accepted too. */
    private JsonNode plexPayload(@Nullable String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType;
        if (type.startsWith("application/json")) return object(body, "Plex");
        String payload = MultipartForm.field(type, body, "payload")
                .orElseThrow(() -> new InvalidWebhookPayload("no 'payload' field in the Plex webhook form"));
        return object(payload.getBytes(StandardCharsets.UTF_8), "Plex");
    }

    private JsonNode object(byte[] body, String sender) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject())
                throw new InvalidWebhookPayload("a " + sender + " webhook body is a JSON object");
            return node;
        } catch (IOException e) {
            throw new InvalidWebhookPayload("the " + sender + " webhook body is not JSON");
        }
    }
}
