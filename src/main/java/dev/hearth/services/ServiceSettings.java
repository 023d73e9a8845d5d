package dev.hearth.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Service settings changed through the API, kept in the database and laid over what hearth.yml or
 * discovery says, so an edit survives a restart without rewriting the user's file.
 */
@Singleton
public class ServiceSettings {
    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;

    public ServiceSettings(Database db, ObjectMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Map<String, ObjectNode> all() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        db.query("SELECT name, settings FROM service_settings", rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), parse(e.getValue())));
        return out;
    }

    public void save(String name, ObjectNode settings, String by) {
        String text;
        try {
            text = json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        db.inTransaction(() -> {
            db.update("DELETE FROM service_settings WHERE name = ?", name);
            db.update(
                    "INSERT INTO service_settings (name, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)",
                    name,
                    text,
                    by,
                    clock.millis());
            return null;
        });
    }

    private ObjectNode parse(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            return json.createObjectNode();
        }
    }
}
