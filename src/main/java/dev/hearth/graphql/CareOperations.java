package dev.hearth.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.jspecify.annotations.Nullable;

/**
 * MLTB's care operations — {@code backups}, {@code plugins}, {@code createBackup}, {@code togglePlugin},
 * {@code clearCache} — in its names, each one catalog action ({@code backups.list}, {@code plugins.list},
 * {@code backups.create}, {@code plugins.toggle}, {@code maintenance.clear_cache}) with that action's role.
 */
@GraphQLApi
public class CareOperations {
    private final ActionMutations actions;
    private final ObjectMapper json;

    public CareOperations(ActionMutations actions, ObjectMapper json) {
        this.actions = actions;
        this.json = json;
    }

    @Description("A backup in MLTB's fields: size as \"45.2 MB\", status completed, running or failed.")
    public record BackupInfo(String filename, String size, String timestamp, String description, String status) {}

    @Description("A plugin in MLTB's fields; hooks are what it adds (action:<id>, notifier:<type>, integration:<id>); "
            + "author is empty, since a plugin's manifest does not name one.")
    public record PluginInfo(
            String name, String version, boolean enabled, String description, String author, List<String> hooks) {}

    public record BackupOutcome(boolean success, String message, String filename) {}

    public record CacheOutcome(boolean success, String message, int clearedItems) {}

    @Query
    @Description("The backups, newest first (action backups.list, viewer).")
    public @NonNull List<@NonNull BackupInfo> backups() {
        return GraphError.guard(() -> {
            List<BackupInfo> out = new ArrayList<>();
            for (JsonNode b :
                    actions.run("backups.list", json.createObjectNode()).path("backups")) out.add(backup(b));
            return out;
        });
    }

    @Query
    @Description("The plugins found in the plugins directory (action plugins.list, viewer).")
    public @NonNull List<@NonNull PluginInfo> plugins() {
        return GraphError.guard(() -> {
            List<PluginInfo> out = new ArrayList<>();
            for (JsonNode p :
                    actions.run("plugins.list", json.createObjectNode()).path("plugins")) {
                List<String> hooks = new ArrayList<>();
                p.path("provides").forEach(h -> hooks.add(h.asText()));
                out.add(new PluginInfo(
                        p.path("name").asText(),
                        p.path("version").asText(),
                        p.path("enabled").asBoolean(),
                        p.path("description").asText(),
                        "",
                        hooks));
            }
            return out;
        });
    }

    @Mutation
    @Description("Makes a backup now (action backups.create, operator); backupName becomes the file's name prefix.")
    public @NonNull BackupOutcome createBackup(
            @Name("description") @Nullable String description, @Name("backupName") @Nullable String backupName) {
        return GraphError.guard(() -> {
            ObjectNode params = json.createObjectNode();
            if (backupName != null) params.put("name", backupName);
            if (description != null) params.put("description", description);
            JsonNode made = actions.run("backups.create", params);
            return new BackupOutcome(
                    made.path("success").asBoolean(),
                    made.path("message").asText(),
                    made.path("filename").asText());
        });
    }

    @Mutation
    @Description("Enables or disables a plugin (action plugins.toggle, admin); without enabled it is switched over.")
    public @NonNull SeedTypes.Outcome togglePlugin(
            @Name("pluginName") @NonNull String pluginName, @Name("enabled") @Nullable Boolean enabled) {
        return GraphError.guard(() -> {
            ObjectNode params = json.createObjectNode().put("name", pluginName);
            if (enabled != null) params.put("enabled", enabled);
            JsonNode plugin = actions.run("plugins.toggle", params).path("plugin");
            boolean now = plugin.path("enabled").asBoolean();
            return new SeedTypes.Outcome(true, "Plugin " + pluginName + (now ? " enabled" : " disabled"));
        });
    }

    @Mutation
    @Description("Empties Hearth's caches (action maintenance.clear_cache, admin); clearedItems counts the entries.")
    public @NonNull CacheOutcome clearCache() {
        return GraphError.guard(() -> {
            JsonNode cleared = actions.run("maintenance.clear_cache", json.createObjectNode())
                    .path("cleared");
            int items = 0;
            List<String> names = new ArrayList<>();
            for (JsonNode c : cleared) {
                items += c.path("entries").asInt();
                names.add(c.path("name").asText());
            }
            return new CacheOutcome(true, "Cleared " + String.join(", ", names), items);
        });
    }

    private static BackupInfo backup(JsonNode b) {
        return new BackupInfo(
                b.path("filename").asText(),
                b.path("size").asText(),
                b.path("timestamp").asText(),
                b.path("description").asText(),
                b.path("status").asText());
    }
}
