package dev.hearth.media.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Availability;
import dev.hearth.media.RequestedMedia;
import dev.hearth.media.clients.Json;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import org.jspecify.annotations.Nullable;

/**
 * The Overseerr/Seerr webhook agent's default JSON template. Every placeholder is replaced as a string
 * ({@code "tmdbId": "603"}, an absent value as {@code ""}); {@code media} and {@code request} are
 * objects, or {@code null} when the notification has none. Media status comes as a word (AVAILABLE).
 */
final class SeerrPayloads {

    private SeerrPayloads() {}

    static MediaWebhookEvent parse(JsonNode p) {
        String type = Json.text(p, "notification_type");
        if (type.isEmpty())
            throw new InvalidWebhookPayload(
                    "no notification_type: not an Overseerr/Seerr webhook (is the default template in use?)");
        Origin origin = new Origin("overseerr", "overseerr");
        JsonNode media = p.path("media");
        JsonNode request = p.path("request");
        @Nullable
        RequestedMedia kind = switch (Json.text(media, "media_type")) {
            case "movie" -> RequestedMedia.MOVIE;
            case "tv" -> RequestedMedia.TV;
            default -> null;
        };
        String by = Json.text(request, "requestedBy_username");
        return new MediaWebhookEvent.RequestNotification(
                origin,
                type,
                Json.text(p, "subject"),
                Json.text(p, "message"),
                kind,
                positive(Json.number(media, "tmdbId")),
                availability(Json.text(media, "status")),
                requestId(request),
                by.isEmpty() ? Json.text(request, "requestedBy_email") : by);
    }

    private static @Nullable Integer requestId(JsonNode request) {
        Long id = positive(Json.number(request, "request_id"));
        return id == null ? null : id.intValue();
    }

    private static @Nullable Long positive(long n) {
        return n > 0 ? n : null;
    }

    private static Availability availability(String word) {
        try {
            return word.isEmpty() ? Availability.UNKNOWN : Availability.valueOf(word);
        } catch (IllegalArgumentException e) {
            return Availability.UNKNOWN;
        }
    }
}
