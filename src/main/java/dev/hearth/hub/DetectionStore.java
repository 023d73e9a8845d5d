package dev.hearth.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.hub.detect.DetectedApi;
import dev.hearth.platform.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Detection results kept in {@code hub_detections} (V70): one row per service, reused only while younger than the
 * cache period and only for the base URL it was made for (a service moved is detected again). The rows are kept in
 * memory as well (every proxied call reads its service's): only this process writes them.
 */
final class DetectionStore {
    private final Database db;
    private final ObjectMapper json;
    private final java.util.concurrent.ConcurrentHashMap<String, Optional<DetectedApi>> read =
            new java.util.concurrent.ConcurrentHashMap<>();

    DetectionStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<DetectedApi> fresh(String service, String baseUrl, Instant now, Duration keepFor) {
        return stored(service)
                .filter(d -> d.baseUrl().equals(baseUrl))
                .filter(d -> d.detectedAt().plus(keepFor).isAfter(now));
    }

    Optional<DetectedApi> stored(String service) {
        return read.computeIfAbsent(service, this::fromDatabase);
    }

    private Optional<DetectedApi> fromDatabase(String service) {
        return db.queryOne("SELECT result FROM hub_detections WHERE service = ?", rs -> rs.getString(1), service)
                .flatMap(this::read);
    }

    void save(DetectedApi d) {
        String text;
        try {
            text = json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a detection result did not serialise", e);
        }
        db.inTransaction(() -> {
            db.update("DELETE FROM hub_detections WHERE service = ?", d.service());
            db.update(
                    "INSERT INTO hub_detections (service, base_url, result, detected_at) VALUES (?, ?, ?, ?)",
                    d.service(),
                    d.baseUrl(),
                    text,
                    d.detectedAt().toEpochMilli());
            return null;
        });
        read.put(d.service(), Optional.of(d)); // after the commit: a reader that raced it is overwritten
    }

    private Optional<DetectedApi> read(String text) {
        try {
            return Optional.of(json.readValue(text, DetectedApi.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // an older shape: detected again
        }
    }
}
