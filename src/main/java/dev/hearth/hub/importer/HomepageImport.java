package dev.hearth.hub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads Homepage's {@code services.yaml}: a list of groups, each a list of {@code {Name: {href, icon, description,
 * widget: {type, url, key, username, password, token}}}}. Each service becomes a hearth.yml entry (name, group, icon,
 * url: the widget's url when it has one, else the href), with the integration of its widget type when Hearth has one;
 * its widget's secrets are returned apart, for the vault, never in the entries.
 */
public final class HomepageImport {
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Map<String, String> SECRET_FIELDS =
            Map.of("key", "api_key", "username", "username", "password", "password", "token", "token");

    private HomepageImport() {}

    public static ImportResult read(Path file, Predicate<String> hearthHasKind) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) throw new IOException(file + " is larger than 1 MB");
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a Homepage services.yaml (a list of groups)");
        }
        List<ImportedService> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode groupNode : root) {
            if (!groupNode.isObject()) continue;
            var groups = groupNode.fields();
            while (groups.hasNext()) {
                var g = groups.next();
                if (!g.getValue().isArray()) continue;
                for (JsonNode serviceNode : g.getValue()) {
                    var services = serviceNode.fields();
                    while (services.hasNext()) {
                        var s = services.next();
                        readOne(g.getKey(), s.getKey(), s.getValue(), hearthHasKind, names)
                                .ifPresentOrElse(out::add, () -> skipped.add(s.getKey() + ": no href or widget url"));
                    }
                }
            }
        }
        return new ImportResult(out, skipped, List.of());
    }

    private static java.util.Optional<ImportedService> readOne(
            String group, String title, JsonNode s, Predicate<String> hearthHasKind, Set<String> names) {
        JsonNode widget = s.path("widget");
        String url = text(widget, "url");
        if (url.isEmpty()) url = text(s, "href");
        if (!url.startsWith("http://") && !url.startsWith("https://")) return java.util.Optional.empty();
        String type = text(widget, "type").toLowerCase(Locale.ROOT);
        Map<String, String> secrets = new LinkedHashMap<>();
        SECRET_FIELDS.forEach((from, to) -> {
            String v = text(widget, from);
            if (!v.isEmpty()) secrets.put(to, v);
        });
        String name = ImportedService.uniqueName(title, names);
        return java.util.Optional.of(new ImportedService(
                name,
                title.strip(),
                group.strip(),
                text(s, "icon"),
                url,
                !type.isEmpty() && hearthHasKind.test(type) ? type : "http",
                secrets));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() ? v.asText().strip() : "";
    }
}
