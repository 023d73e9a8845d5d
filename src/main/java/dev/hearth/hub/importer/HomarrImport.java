package dev.hearth.hub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a Homarr board configuration: the JSON file Homarr 0.x keeps per board ({@code data/configs/NAME.json}) and
 * offers as "Download config", which Homarr 1.x also imports. Its {@code apps} are
 * {@code {name, url, behaviour: {externalUrl}, appearance: {iconUrl}, area: {type: category, properties: {id}},
 * integration: {type, properties: [{field: apiKey|username|password, type: private|public, value}]}}}, its
 * {@code categories} {@code {id, name}}.
 *
 * <p>Each app becomes a hearth.yml entry: its {@code url} (the address Homarr itself calls; the external URL when it
 * has none), its category as the group, its icon, and the integration of its type when Hearth has one of that name
 * ({@code qBittorrent} → {@code qbittorrent}). The integration's values go to the vault as {@code api_key},
 * {@code username}, {@code password}; a field the file names without a value (Homarr leaves private values out of
 * some exports) is listed so the owner can set it.
 */
public final class HomarrImport {
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final Map<String, String> FIELDS =
            Map.of("apikey", "api_key", "username", "username", "password", "password");

    private HomarrImport() {}

    public static ImportResult read(Path file, Predicate<String> hearthHasKind) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) throw new IOException(file + " is larger than 4 MB");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not JSON: a Homarr export is the board's JSON configuration");
        }
        if (root == null || !root.isObject() || !root.path("apps").isArray()) {
            throw new IOException(file + " is not a Homarr board export (a JSON object with \"apps\")");
        }
        Map<String, String> categories = new HashMap<>();
        for (JsonNode c : root.path("categories")) {
            String id = text(c, "id");
            if (!id.isEmpty()) categories.put(id, text(c, "name"));
        }
        List<ImportedService> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode app : root.path("apps")) {
            if (!app.isObject()) continue;
            String title = text(app, "name");
            if (title.isEmpty()) title = "service";
            String url = text(app, "url");
            if (!web(url)) url = text(app.path("behaviour"), "externalUrl");
            if (!web(url)) {
                skipped.add(title + ": no http(s) address");
                continue;
            }
            JsonNode area = app.path("area");
            String group = text(area, "type").equals("category")
                    ? categories.getOrDefault(text(area.path("properties"), "id"), "")
                    : "";
            JsonNode integration = app.path("integration");
            String type = text(integration, "type").toLowerCase(Locale.ROOT);
            Map<String, String> secrets = new LinkedHashMap<>();
            List<String> unset = new ArrayList<>();
            for (JsonNode p : integration.path("properties")) {
                String field = FIELDS.get(text(p, "field").toLowerCase(Locale.ROOT));
                if (field == null) continue;
                String value = text(p, "value");
                if (value.isEmpty()) unset.add(field);
                else secrets.put(field, value);
            }
            String name = ImportedService.uniqueName(title, names);
            if (!unset.isEmpty()) {
                incomplete.add(title + ": " + String.join(", ", unset)
                        + " not in the file; set with PUT /api/v1/services/" + name + "/credentials");
            }
            out.add(new ImportedService(
                    name,
                    title,
                    group,
                    text(app.path("appearance"), "iconUrl"),
                    url,
                    !type.isEmpty() && hearthHasKind.test(type) ? type : "http",
                    secrets));
        }
        return new ImportResult(out, skipped, incomplete);
    }

    private static boolean web(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText().strip() : "";
    }
}
