package dev.hearth.downloads;

import dev.hearth.downloads.internal.ClientCalls;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.SeedRuleStore;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Speed caps, the number of downloads running at once and auto-delete after seeding: what the doors' seed
 * fields ({@code max_download_speed}, {@code maxConcurrentDownloads}, …) reach. A client does what its kind
 * declares ({@link SpeedLimits}, {@link ActiveDownloadsLimit}); a field it cannot honour is a 400 naming the
 * field and the client, never dropped. Auto-delete is Hearth's own rule ({@link SeedRuleStore}) on every client.
 */
@Singleton
public class TransferControls {
    private final ClientDirectory clients;
    private final DownloadService downloads;
    private final SeedRuleStore rules;
    private final ConfigService config;
    private final Clock clock;

    public TransferControls(
            ClientDirectory clients,
            DownloadService downloads,
            SeedRuleStore rules,
            ConfigService config,
            Clock clock) {
        this.clients = clients;
        this.downloads = downloads;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    public ClientLimits client(String name) {
        ClientDirectory.Client c = clients.require(name);
        Optional<SpeedLimits> speed = clients.control(c.name(), SpeedLimits.class);
        Optional<ActiveDownloadsLimit> active = clients.control(c.name(), ActiveDownloadsLimit.class);
        SpeedLimits.@Nullable Limits limits =
                speed.map(s -> ClientCalls.call(c.name(), s::globalLimits)).orElse(null);
        @Nullable
        Integer max = active.map(a -> ClientCalls.call(c.name(), a::maxActiveDownloads))
                .orElse(null);
        return new ClientLimits(
                c.name(),
                c.client().kind(),
                limits == null ? null : limits.downloadKiBps(),
                limits == null ? null : limits.uploadKiBps(),
                max,
                autoAddFolderOf(c.name()));
    }

    public ClientLimits configureClient(String name, ClientLimits.Change change) {
        ClientDirectory.Client c = clients.require(name);
        requireZeroOrMore("max_download_speed", change.maxDownloadSpeed());
        requireZeroOrMore("max_upload_speed", change.maxUploadSpeed());
        if (change.maxActiveDownloads() != null)
            requireZeroOrMore("max_active_downloads", (long) change.maxActiveDownloads());
        // Every field is checked before any reaches the daemon: a refused request changes nothing.
        Optional<SpeedLimits> speed = change.maxDownloadSpeed() == null && change.maxUploadSpeed() == null
                ? Optional.empty()
                : Optional.of(require(
                        c,
                        SpeedLimits.class,
                        change.maxDownloadSpeed() != null ? "max_download_speed" : "max_upload_speed"));
        Optional<ActiveDownloadsLimit> active = change.maxActiveDownloads() == null
                ? Optional.empty()
                : Optional.of(require(c, ActiveDownloadsLimit.class, "max_active_downloads"));
        speed.ifPresent(s -> ClientCalls.run(c.name(), () -> {
            SpeedLimits.Limits now = s.globalLimits();
            s.setGlobalLimits(merged(now, change.maxDownloadSpeed(), change.maxUploadSpeed()));
        }));
        Integer max = change.maxActiveDownloads();
        if (max != null) active.ifPresent(a -> ClientCalls.run(c.name(), () -> a.setMaxActiveDownloads(max)));
        return client(name);
    }

    public TaskLimits task(String id) {
        Task t = downloads.get(id);
        Optional<SpeedLimits> speed = clients.control(t.client(), SpeedLimits.class);
        SpeedLimits.@Nullable Limits limits = speed.map(
                        s -> ClientCalls.call(t.client(), () -> s.taskLimits(t.clientTaskId())))
                .orElse(null);
        return new TaskLimits(
                t.id(),
                t.client(),
                limits == null ? null : limits.downloadKiBps(),
                limits == null ? null : limits.uploadKiBps(),
                rules.find(t.id()).orElse(null));
    }

    /** Applies a change to one task; {@code setBy} is the caller's label, kept with an auto-delete rule. */
    public TaskLimits configureTask(String id, TaskLimits.Change change, String setBy) {
        Task t = downloads.get(id);
        requireZeroOrMore("max_download_speed", change.maxDownloadSpeed());
        requireZeroOrMore("max_upload_speed", change.maxUploadSpeed());
        Optional<SpeedLimits> speed = Optional.empty();
        if (change.maxDownloadSpeed() != null || change.maxUploadSpeed() != null) {
            ClientDirectory.Client c = clients.find(t.client()).orElseThrow(() -> gone(t));
            speed = Optional.of(require(
                    c,
                    SpeedLimits.class,
                    change.maxDownloadSpeed() != null ? "max_download_speed" : "max_upload_speed"));
        }
        SeedRule rule = change.autoDelete();
        if (rule != null) requireSeeds(t, rule);
        speed.ifPresent(s -> ClientCalls.run(t.client(), () -> {
            SpeedLimits.Limits now = s.taskLimits(t.clientTaskId());
            s.setTaskLimits(t.clientTaskId(), merged(now, change.maxDownloadSpeed(), change.maxUploadSpeed()));
        }));
        if (rule != null) rules.put(t.id(), rule, setBy, clock.millis());
        else if (change.clearAutoDelete()) rules.clear(t.id());
        return task(id);
    }

    /** The rule a new task gets when its request names none: {@code downloads.auto_delete}, if switched on. */
    public Optional<SeedRule> defaultRule() {
        DownloadsConfig.AutoDelete d =
                config.current().section(DownloadsConfig.class).autoDelete();
        if (d.hasNoLimit()) return Optional.empty();
        return Optional.of(new SeedRule(
                d.ratioLimit() > 0 ? d.ratioLimit() : null,
                d.seedMinutes() > 0 ? d.seedMinutes() : null,
                d.deleteData()));
    }

    /** Only a torrent seeds: a plain download (aria2's http links) has no ratio and no seeding time. */
    public void requireSeeds(Task t, SeedRule rule) {
        if (t.type() != DownloadTask.Type.TORRENT) {
            String field = rule.ratioLimit() != null ? "seed_ratio_limit" : "seed_time_limit";
            throw refused(
                    field,
                    t.client(),
                    field + ": task " + t.id() + " on '" + t.client()
                            + "' is a plain download, which does not seed; auto-delete after seeding applies to torrents");
        }
    }

    private <C> C require(ClientDirectory.Client c, Class<C> api, String field) {
        return clients.control(c.name(), api)
                .orElseThrow(() -> refused(
                        field,
                        c.name(),
                        field + " is not supported by client '" + c.name() + "' ("
                                + c.client().kind() + ")"));
    }

    private static ApiException refused(String field, String client, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("client", client);
        return new ApiException(ErrorCode.INVALID_INPUT, message, details);
    }

    private static ApiException gone(Task t) {
        return new ApiException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Task " + t.id() + " belongs to '" + t.client() + "', which is no longer configured",
                Map.of("client", t.client()));
    }

    private static void requireZeroOrMore(String field, @Nullable Long value) {
        if (value != null && value < 0) throw ApiException.invalid(field, "must be 0 (no limit) or more KiB/s");
    }

    private static SpeedLimits.Limits merged(SpeedLimits.Limits now, @Nullable Long download, @Nullable Long upload) {
        return new SpeedLimits.Limits(
                download == null ? now.downloadKiBps() : download, upload == null ? now.uploadKiBps() : upload);
    }

    private String autoAddFolderOf(String client) {
        DownloadsConfig.AutoAdd a =
                config.current().section(DownloadsConfig.class).autoAdd();
        if (a.folder().isEmpty()) return "";
        boolean feeds = a.client().isEmpty()
                ? downloads.torrentClient().map(client::equals).orElse(false)
                : a.client().equals(client);
        return feeds ? a.folder() : "";
    }
}
