package dev.hearth.media.overseerr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.media.Availability;
import dev.hearth.media.MediaRequest;
import dev.hearth.media.RequestCandidate;
import dev.hearth.media.RequestStatus;
import dev.hearth.media.RequestedMedia;
import dev.hearth.media.clients.Json;
import java.time.Instant;

/** Overseerr's numbered statuses and request shape into Hearth's records. */
final class OverseerrShapes {

    private OverseerrShapes() {}

    static RequestStatus status(int n) {
        return switch (n) {
            case 1 -> RequestStatus.PENDING;
            case 2 -> RequestStatus.APPROVED;
            case 3 -> RequestStatus.DECLINED;
            case 4 -> RequestStatus.FAILED;
            case 5 -> RequestStatus.COMPLETED;
            default -> RequestStatus.UNKNOWN;
        };
    }

    static Availability availability(int n) {
        return switch (n) {
            case 2 -> Availability.PENDING;
            case 3 -> Availability.PROCESSING;
            case 4 -> Availability.PARTIALLY_AVAILABLE;
            case 5 -> Availability.AVAILABLE;
            default -> Availability.UNKNOWN;
        };
    }

    static RequestedMedia media(String type) {
        return "tv".equals(type) ? RequestedMedia.TV : RequestedMedia.MOVIE;
    }

    static MediaRequest request(JsonNode r, String title) {
        JsonNode media = r.path("media");
        JsonNode by = r.path("requestedBy");
        String who = Json.text(by, "displayName");
        Instant created = Json.instant(r, "createdAt");
        return new MediaRequest(
                Json.integer(r, "id"),
                status(Json.integer(r, "status")),
                media(Json.text(media, "mediaType")),
                Json.number(media, "tmdbId"),
                title,
                availability(Json.integer(media, r.path("is4k").asBoolean() ? "status4k" : "status")),
                who.isEmpty() ? Json.text(by, "email") : who,
                Json.list(r, "seasons", s -> Json.integer(s, "seasonNumber")),
                r.path("is4k").asBoolean(),
                created == null ? Instant.EPOCH : created);
    }

    /** A search result: movies have {@code title} and {@code releaseDate}, series {@code name} and {@code firstAirDate}. */
    static RequestCandidate candidate(JsonNode s) {
        boolean tv = "tv".equals(Json.text(s, "mediaType"));
        String date = Json.text(s, tv ? "firstAirDate" : "releaseDate");
        Integer year = date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
                ? Integer.valueOf(date.substring(0, 4))
                : null;
        return new RequestCandidate(
                tv ? RequestedMedia.TV : RequestedMedia.MOVIE,
                Json.number(s, "id"),
                Json.text(s, tv ? "name" : "title"),
                year,
                availability(Json.integer(s.path("mediaInfo"), "status")));
    }
}
