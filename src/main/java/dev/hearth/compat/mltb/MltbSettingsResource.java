package dev.hearth.compat.mltb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.compat.CompatBodies;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.downloads.TransferActions;
import dev.hearth.downloads.TransferControls;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.plugins.PluginActions;
import dev.hearth.plugins.PluginView;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * MLTB's {@code /api/config} and {@code /api/plugins} routes. The settings are Hearth's: {@code downloadDir} is
 * {@code downloads_dir}, {@code autoDeleteDuration} the minutes a finished task seeds before it is removed
 * ({@code downloads.auto_delete.seed_minutes}), {@code maxConcurrentDownloads} the running-downloads limit of the
 * client that takes torrents. A change is the action {@code config.update} and {@code downloads.configure_client};
 * a field Hearth cannot honour is a 400 naming it, and nothing of the request is applied then.
 */
// the door's own prefix, as MltbResource's: a class at a longer prefix would take every /api/... path from it
@Path(MltbDoor.PREFIX)
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class MltbSettingsResource {
    private static final String DOOR = "rest";
    private static final List<String> SETTABLE = List.of("downloadDir", "maxConcurrentDownloads", "autoDeleteDuration");

    private final ConfigService config;
    private final DownloadService downloads;
    private final TransferControls transfers;
    private final ActionCatalog actions;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public MltbSettingsResource(
            ConfigService config,
            DownloadService downloads,
            TransferControls transfers,
            ActionCatalog actions,
            CurrentCaller caller,
            ObjectMapper json) {
        this.config = config;
        this.downloads = downloads;
        this.transfers = transfers;
        this.actions = actions;
        this.caller = caller;
        this.json = json;
    }

    /**
     * {@code maxSplitSize} is null: Hearth uploads nowhere, so it splits nothing. {@code maxConcurrentDownloads} is
     * null when no client takes torrents, its kind has no such limit, or it does not answer now.
     */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Settings(
            String downloadDir,
            @Nullable Integer maxConcurrentDownloads,
            @Nullable String maxSplitSize,
            long autoDeleteDuration,
            Phases enabledPhases,
            Features features) {}

    /** MLTB's rollout phases; Hearth has none to switch, every part is built in. */
    public record Phases(boolean phase1, boolean phase2, boolean phase3) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Features(boolean graphqlApi, boolean pluginSystem, boolean advancedDashboard) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Updated(boolean success, String message, List<String> updated) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Plugin(String name, String version, boolean enabled, String description, String author) {}

    public record PluginList(List<Plugin> plugins) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    public record Toggled(boolean success, String message) {}

    @GET
    @Path("/api/config")
    @Allow(Role.VIEWER)
    public Settings settings() {
        HearthConfig now = config.current();
        return new Settings(
                now.downloadsDir(),
                maxActive(),
                null,
                now.section(DownloadsConfig.class).autoDelete().seedMinutes(),
                new Phases(true, true, true),
                new Features(true, true, true));
    }

    private @Nullable Integer maxActive() {
        Optional<String> client = downloads.torrentClient();
        if (client.isEmpty()) return null;
        try {
            return transfers.client(client.get()).maxActiveDownloads();
        } catch (ApiException e) {
            if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) return null; // a settings page still opens
            throw e;
        }
    }

    /** {@code {"maxConcurrentDownloads": 10, "autoDeleteDuration": 120, "downloadDir": "/abs"}}, any of them. */
    @PATCH
    @Path("/api/config")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.ADMIN)
    public Updated update(@Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        List<String> updated = new ArrayList<>();
        b.fieldNames().forEachRemaining(updated::add);
        for (String field : updated) refuseUnsettable(field);
        if (updated.isEmpty()) throw ApiException.invalid("body", "send at least one of " + SETTABLE);

        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        if (b.has("downloadDir")) {
            changes.put("downloads_dir", CompatBodies.text(b, "downloadDir", "must be an absolute directory"));
        }
        if (b.has("autoDeleteDuration")) {
            changes.putObject("downloads")
                    .putObject("auto_delete")
                    .put("seed_minutes", whole(b, "autoDeleteDuration", 0, 525_600));
        }
        ObjectNode client = null;
        if (b.has("maxConcurrentDownloads")) {
            String name = downloads
                    .torrentClient()
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.CONFLICT,
                            "maxConcurrentDownloads: no download client is configured to hold it",
                            Map.of("field", "maxConcurrentDownloads")));
            client = JsonNodeFactory.instance
                    .objectNode()
                    .put("client", name)
                    .put("max_active_downloads", whole(b, "maxConcurrentDownloads", 0, 10_000));
        }
        if (!changes.isEmpty()) {
            actions.invoke(
                    "config.update", JsonNodeFactory.instance.objectNode().set("changes", changes), caller.get(), DOOR);
        }
        if (client != null) {
            actions.invoke(TransferActions.CONFIGURE_CLIENT, client, caller.get(), DOOR);
        }
        return new Updated(true, "Configuration updated", updated);
    }

    private static void refuseUnsettable(String field) {
        if (SETTABLE.contains(field)) return;
        String why = switch (field) {
            case "maxSplitSize" -> "Hearth cannot honour it: it uploads nowhere, so it splits nothing";
            case "enabledPhases", "features" ->
                "Hearth cannot honour it: every part of Hearth is built in, none is switched";
            default -> "is not a setting of PATCH /api/config (" + String.join(", ", SETTABLE) + ")";
        };
        throw new ApiException(ErrorCode.INVALID_INPUT, field + ": " + why, Map.of("field", field));
    }

    private static long whole(JsonNode body, String field, long min, long max) {
        JsonNode v = body.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return v.asLong();
    }

    /** The plugins in Hearth's plugins directory; {@code author} is empty, a plugin's manifest names none. */
    @GET
    @Path("/api/plugins")
    @Allow(Role.VIEWER)
    public PluginList plugins() {
        var list = (PluginActions.Plugins) actions.invoke("plugins.list", null, caller.get(), DOOR);
        return new PluginList(list.plugins().stream()
                .map(p -> new Plugin(p.name(), p.version(), p.enabled(), p.description(), ""))
                .toList());
    }

    /** {@code {"enabled": true}}; without it the plugin is switched over, as Hearth's own route does. */
    @POST
    @Path("/api/plugins/{name}/toggle")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.ADMIN)
    public Toggled toggle(@PathParam("name") String name, @Nullable String body) {
        JsonNode b = CompatBodies.object(json, body);
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("name", name);
        if (b.has("enabled")) {
            if (!b.get("enabled").isBoolean()) throw ApiException.invalid("enabled", "must be true or false");
            params.put("enabled", b.get("enabled").asBoolean());
        }
        b.fieldNames().forEachRemaining(f -> {
            if (!f.equals("enabled")) throw ApiException.invalid(f, "is not a field of this route (enabled)");
        });
        PluginView now =
                ((PluginActions.Toggled) actions.invoke("plugins.toggle", params, caller.get(), DOOR)).plugin();
        return new Toggled(true, "Plugin " + (now.enabled() ? "enabled" : "disabled") + " successfully");
    }
}
