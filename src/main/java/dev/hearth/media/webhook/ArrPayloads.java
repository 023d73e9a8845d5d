package dev.hearth.media.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.MediaItem;
import dev.hearth.media.clients.Json;
import dev.hearth.media.webhook.MediaWebhookEvent.Origin;
import java.util.List;
import java.util.Locale;

/**
 * Sonarr's and Radarr's webhook JSON: camelCase fields, {@code eventType} a PascalCase word
 * (Grab, Download, Health, HealthRestored, Test, and more that newer versions add).
 */
final class ArrPayloads {

    private ArrPayloads() {}

    static MediaWebhookEvent parse(JsonNode p) {
        String type = Json.text(p, "eventType");
        if (type.isEmpty()) throw new InvalidWebhookPayload("no eventType: not a Sonarr/Radarr webhook");
        Origin origin = origin(p);
        return switch (type) {
            case "Grab" -> {
                JsonNode release = p.path("release");
                yield new MediaWebhookEvent.Grabbed(
                        origin,
                        items(p),
                        Json.text(release, "releaseTitle"),
                        Json.text(release, "indexer"),
                        Json.text(release, "quality"),
                        Json.number(release, "size"),
                        Json.text(p, "downloadClient"),
                        Json.text(p, "downloadId"));
            }
            case "Download" -> {
                JsonNode file = p.has("episodeFile") ? p.path("episodeFile") : p.path("movieFile");
                yield new MediaWebhookEvent.Imported(
                        origin,
                        items(p),
                        Json.text(file, "path"),
                        Json.bool(p, "isUpgrade"),
                        Json.text(p, "downloadClient"),
                        Json.text(p, "downloadId"));
            }
            case "Health", "HealthRestored" ->
                new MediaWebhookEvent.HealthChanged(
                        origin,
                        type.equals("HealthRestored"),
                        Json.text(p, "level").toLowerCase(Locale.ROOT),
                        Json.text(p, "type"),
                        Json.text(p, "message"),
                        Json.text(p, "wikiUrl"));
            case "Test" -> new MediaWebhookEvent.Test(origin);
            default -> new MediaWebhookEvent.Unhandled(origin, type);
        };
    }

    /**
     * Sonarr's payloads carry a {@code series}, Radarr's a {@code movie}; a health event carries neither,
     * so the default instance name (the app's own) is the next best witness. The door knows the sender
     * for sure from the route and secret it was given.
     */
    private static Origin origin(JsonNode p) {
        String instance = Json.text(p, "instanceName");
        String named = instance.toLowerCase(Locale.ROOT);
        String app = p.has("series")
                ? "sonarr"
                : p.has("movie")
                        ? "radarr"
                        : APPS.stream().filter(named::startsWith).findFirst().orElse("arr");
        return new Origin(app, instance.isEmpty() ? app : instance);
    }

    private static final List<String> APPS = List.of("sonarr", "radarr", "prowlarr", "lidarr", "readarr");

    private static List<MediaItem> items(JsonNode p) {
        if (p.has("movie")) {
            JsonNode m = p.path("movie");
            return List.of(MediaItem.movie(Json.text(m, "title"), Json.integerOrNull(m, "year")));
        }
        String series = Json.text(p.path("series"), "title");
        return Json.list(
                p,
                "episodes",
                e -> MediaItem.episode(
                        series,
                        Json.integer(e, "seasonNumber"),
                        Json.integer(e, "episodeNumber"),
                        Json.text(e, "title")));
    }
}
