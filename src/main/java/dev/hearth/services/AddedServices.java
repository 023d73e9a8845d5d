package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.Durations;
import dev.hearth.platform.storage.DiskFull;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The services added at run time (POST /api/v1/services), kept in {@code <data_dir>/services-added.json} so they
 * are there after a restart. Beside hearth.yml, not in it: the file stays the person's, and what it sets stays
 * read-only. Written whole to a temporary file and moved into place, owner-only (it holds credentials).
 */
@Singleton
public class AddedServices {
    static final String FILE = "services-added.json";

    private final ConfigService config;
    private final ObjectMapper json;

    public AddedServices(ConfigService config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    private Path file() {
        return config.dataDir().resolve(FILE);
    }

    public synchronized List<ServiceEntry> all() {
        Path file = file();
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<ServiceEntry> out = new ArrayList<>();
            for (JsonNode n : json.readTree(file.toFile())) out.add(entry(n));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void add(ServiceEntry entry) {
        List<ServiceEntry> next = new ArrayList<>(all());
        next.removeIf(e -> e.name().equals(entry.name()));
        next.add(entry);
        write(next);
    }

    synchronized boolean remove(String name) {
        List<ServiceEntry> next = new ArrayList<>(all());
        boolean removed = next.removeIf(e -> e.name().equals(name));
        if (removed) write(next);
        return removed;
    }

    private void write(List<ServiceEntry> entries) {
        ArrayNode array = json.createArrayNode();
        entries.forEach(e -> array.add(node(e)));
        Path file = file();
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), array);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the half-written copy goes at the next write
            }
            throw DiskFull.of(e, config.dataDir());
        }
    }

    private ObjectNode node(ServiceEntry e) {
        ObjectNode n = json.createObjectNode();
        n.put("name", e.name());
        n.put("display_name", e.displayName());
        n.put("group", e.group());
        n.put("url", e.url());
        n.put("integration", e.integration());
        n.put("check_interval", Durations.format(e.checkInterval()));
        n.put("timeout", Durations.format(e.timeout()));
        n.set("credentials", e.credentials());
        if (!e.labels().isEmpty()) n.set("labels", json.valueToTree(e.labels()));
        return n;
    }

    private static ServiceEntry entry(JsonNode n) {
        return new ServiceEntry(
                n.path("name").asText(),
                n.path("display_name").asText(""),
                n.path("group").asText(""),
                "",
                n.path("url").asText(""),
                n.path("integration").asText("http"),
                Durations.parse(n.path("check_interval").asText("30s")),
                Durations.parse(n.path("timeout").asText("5s")),
                n.path("credentials"),
                new ServiceEntry.Runtime(null, null),
                labels(n.path("labels")));
    }

    private static java.util.Map<String, String> labels(JsonNode n) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
