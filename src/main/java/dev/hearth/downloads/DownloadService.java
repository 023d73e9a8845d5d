package dev.hearth.downloads;

import dev.hearth.downloads.internal.ClientCalls;
import dev.hearth.downloads.internal.ClientDirectory;
import dev.hearth.downloads.internal.ClientPolling;
import dev.hearth.downloads.internal.Completions;
import dev.hearth.downloads.internal.DownloadUrl;
import dev.hearth.downloads.internal.TaskStore;
import dev.hearth.downloads.internal.TorrentFile;
import dev.hearth.downloads.internal.WebhookSecret;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.SecretsInUrls;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Downloads: what every door (REST, chat, MCP) calls. Reads come from the task store the pollers keep;
 * only adding, pausing, resuming, removing and a task's live details reach a client, each within that
 * client's timeout.
 */
@Singleton
public class DownloadService {
    private static final java.util.regex.Pattern CATEGORY =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

    private final ClientDirectory clients;
    private final TaskStore store;
    private final Completions completions;
    private final ClientPolling poller;
    private final WebhookSecret webhookSecret;
    private final ConfigService config;
    private final Clock clock;

    public DownloadService(
            ClientDirectory clients,
            TaskStore store,
            Completions completions,
            ClientPolling poller,
            WebhookSecret webhookSecret,
            ConfigService config,
            Clock clock) {
        this.clients = clients;
        this.store = store;
        this.completions = completions;
        this.poller = poller;
        this.webhookSecret = webhookSecret;
        this.config = config;
        this.clock = clock;
    }

    // ---- adding

    /** Uploaded .torrent files between the door that received them and the action that adds them. */
    private final Map<String, Staged> staged = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.security.SecureRandom random = new java.security.SecureRandom();
    private static final java.time.Duration STAGED_FOR = java.time.Duration.ofMinutes(10);

    private record Staged(AddCommand.Upload upload, Instant expires) {}

    /**
     * Keeps an uploaded file for a moment and answers a reference to it, so the action call (and its audit
     * entry) carries a short id instead of the file's bytes.
     */
    public String stageUpload(AddCommand.Upload upload) {
        Instant now = clock.instant();
        staged.values().removeIf(s -> s.expires().isBefore(now));
        String id = "upl_" + java.util.HexFormat.of().formatHex(bytes(12));
        staged.put(id, new Staged(upload, now.plus(STAGED_FOR)));
        return id;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Takes a staged upload once; an unknown or expired id is the caller's mistake. */
    public AddCommand.Upload takeUpload(String id) {
        Staged s = staged.remove(id);
        if (s == null || s.expires().isBefore(clock.instant())) {
            throw ApiException.invalid(
                    "torrent_upload", "no such upload (uploads are kept " + STAGED_FOR.toMinutes() + " minutes)");
        }
        return s.upload();
    }

    /** Checks the request, picks the client, hands it the download and records who asked. */
    public Task add(AddCommand cmd, String addedBy) {
        if ((cmd.url() == null) == (cmd.torrent() == null)) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "Send either a url (magnet, http or https) or a .torrent file, not "
                            + (cmd.url() == null ? "neither" : "both"),
                    Map.of("field", "url"));
        }
        String category = cmd.category() == null ? "" : cmd.category().trim();
        if (!category.isEmpty() && !CATEGORY.matcher(category).matches()) {
            throw ApiException.invalid("category", "use letters, digits, space, _ . or - (at most 64)");
        }
        String savePath = savePath(category, cmd.destination());

        AddRequest.Source source;
        String name;
        @Nullable String knownId;
        boolean torrent;
        String recordedSource;
        if (cmd.torrent() != null) {
            TorrentFile file = TorrentFile.parse(cmd.torrent().data(), "torrent");
            source = new AddRequest.Source.TorrentFile(
                    cmd.torrent().filename(), cmd.torrent().data());
            name = file.name().isEmpty() ? cmd.torrent().filename() : file.name();
            knownId = file.infoHash();
            torrent = true;
            recordedSource = "upload:" + cmd.torrent().filename();
        } else {
            DownloadUrl url = DownloadUrl.parse(java.util.Objects.requireNonNull(cmd.url(), "url"));
            source = new AddRequest.Source.Url(url.url());
            // Kept to show where a task came from: a private tracker's passkey in the link is not worth keeping.
            recordedSource = SecretsInUrls.redact(url.url());
            switch (url) {
                case DownloadUrl.Magnet m -> {
                    name = m.displayName();
                    knownId = m.infoHash();
                    torrent = true;
                }
                case DownloadUrl.Http h -> {
                    name = h.fileName();
                    knownId = null;
                    torrent = h.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".torrent");
                }
            }
        }
        ClientDirectory.Client chosen = choose(cmd.client(), torrent);
        DownloadClient client = chosen.client();
        requireHonoured(chosen, cmd.limits(), torrent);
        // Only where a torrent's task id is its hash can a second add of it be caught before it is sent.
        if (knownId != null && chosen.capability().has(DownloadCapability.Feature.HASH_IDS)) {
            store.find(Task.idOf(client.serviceName(), knownId)).ifPresent(existing -> {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "This torrent is already a task on '" + client.serviceName() + "': " + existing.id(),
                        Map.of("task_id", existing.id()));
            });
        }
        AddRequest request =
                new AddRequest(source, category.isEmpty() ? null : category, savePath.isEmpty() ? null : savePath);
        String clientId = ClientCalls.call(client.serviceName(), () -> client.add(request));
        boolean direct = !torrent && chosen.capability().has(DownloadCapability.Feature.LINKS);
        TaskStatus status = cmd.url() != null && knownId != null ? TaskStatus.METADATA : TaskStatus.QUEUED;
        store.recordAdded(
                new TaskStore.Added(
                        client.serviceName(),
                        clientId,
                        name,
                        direct ? DownloadTask.Type.DIRECT : DownloadTask.Type.TORRENT,
                        status,
                        savePath,
                        category,
                        recordedSource,
                        addedBy),
                clock.millis());
        String id = Task.idOf(client.serviceName(), clientId);
        return store.find(id).orElseThrow(() -> new IllegalStateException("task " + id + " not stored"));
    }

    /**
     * The task's caps and auto-delete rule are checked before the client gets the download: a field the chosen
     * client cannot honour is a 400 naming it and the client, and nothing was added.
     */
    private void requireHonoured(ClientDirectory.Client chosen, TaskLimits.Change limits, boolean torrent) {
        @Nullable
        String field = limits.maxDownloadSpeed() != null
                ? "max_download_speed"
                : limits.maxUploadSpeed() != null ? "max_upload_speed" : null;
        if (field != null && clients.control(chosen.name(), SpeedLimits.class).isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    field + " is not supported by client '" + chosen.name() + "' ("
                            + chosen.client().kind() + ")",
                    Map.of("field", field, "client", chosen.name()));
        }
        SeedRule rule = limits.autoDelete();
        if (rule != null && !torrent) {
            String seedField = rule.ratioLimit() != null ? "seed_ratio_limit" : "seed_time_limit";
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    seedField + ": a plain download on '" + chosen.name()
                            + "' does not seed; auto-delete after seeding applies to torrents",
                    Map.of("field", seedField, "client", chosen.name()));
        }
    }

    /**
     * A destination wins over the category's save path. It must really lie (symbolic links followed) inside
     * the download roots; a category's save path is one of them.
     */
    private String savePath(String category, @Nullable String destination) {
        if (destination != null && !destination.isBlank()) {
            if (destination.contains("\0"))
                throw ApiException.invalid("destination", "must be an absolute directory path");
            return DownloadRoots.of(config.current()).requireDestination("destination", destination);
        }
        DownloadsConfig.Category c =
                config.current().section(DownloadsConfig.class).categories().get(category);
        return c == null ? "" : c.savePath();
    }

    /** The client a .torrent goes to when the request names none (the auto-add folder's, unless configured). */
    public Optional<String> torrentClient() {
        return clients.all().isEmpty()
                ? Optional.empty()
                : Optional.of(choose(null, true).name());
    }

    /**
     * The named client, else the first that takes torrents for torrents (magnets, .torrent files and links)
     * and the first that fetches plain links for other links; either falls back to whatever client exists.
     */
    private ClientDirectory.Client choose(@Nullable String name, boolean torrent) {
        if (name != null && !name.isBlank()) return clients.require(name.trim());
        List<ClientDirectory.Client> all = clients.all();
        if (all.isEmpty()) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "No download client is configured: add a service whose integration is a"
                            + " download client (GET /api/v1/integrations) to hearth.yml",
                    Map.of("documentation", "docs/configuration.md"));
        }
        DownloadCapability.Feature wanted =
                torrent ? DownloadCapability.Feature.TORRENTS : DownloadCapability.Feature.LINKS;
        // A client that does both is the fallback: a torrent goes to a torrent-only client first, a link to a
        // link-first one.
        return all.stream()
                .filter(c -> c.capability().has(wanted)
                        && (torrent ? !c.capability().has(DownloadCapability.Feature.LINKS) : true))
                .findFirst()
                .or(() -> all.stream().filter(c -> c.capability().has(wanted)).findFirst())
                .orElse(all.getFirst());
    }

    // ---- acting on a task

    public Task pause(String id) {
        Task t = get(id);
        DownloadClient c = clientOf(t);
        ClientCalls.run(c.serviceName(), () -> c.pause(t.clientTaskId()));
        // A finished task that is paused stops seeding: every client then reports it completed, not paused.
        store.setStatus(t.id(), t.isCompleted() ? TaskStatus.COMPLETED : TaskStatus.PAUSED, clock.millis());
        return get(id);
    }

    public Task resume(String id) {
        Task t = get(id);
        DownloadClient c = clientOf(t);
        ClientCalls.run(c.serviceName(), () -> c.resume(t.clientTaskId()));
        store.setStatus(t.id(), t.isCompleted() ? TaskStatus.SEEDING : TaskStatus.QUEUED, clock.millis());
        return get(id);
    }

    /**
     * Removes the task from its client (and its data, if asked) and from every list; its history stays for the
     * stats. Data is deleted only when the task's files lie inside the configured download roots: the client
     * (or, for aria2, Hearth) would otherwise delete whatever the task was pointed at.
     */
    public Task remove(String id, boolean deleteData) {
        Task t = get(id);
        if (deleteData) requireDeletable(t);
        Optional<DownloadClient> c = clients.find(t.client()).map(ClientDirectory.Client::client);
        // A task whose client was taken out of hearth.yml can still be cleared from the lists.
        c.ifPresent(client -> ClientCalls.run(client.serviceName(), () -> client.remove(t.clientTaskId(), deleteData)));
        store.markRemoved(t.id(), clock.millis());
        return t;
    }

    private void requireDeletable(Task t) {
        DownloadRoots roots = DownloadRoots.of(config.current());
        String where = t.savePath().isBlank() ? "" : t.savePath().trim();
        Path dir = where.isEmpty() ? null : Path.of(where);
        boolean inside = dir != null
                && dir.isAbsolute()
                && roots.contains(dir)
                && (t.name().isBlank() || roots.mayDelete(dir.resolve(t.name())));
        if (!inside) {
            throw roots.outside(
                    "delete_data",
                    "the files of task " + t.id() + " (" + (where.isEmpty() ? "location unknown" : where)
                            + ") are outside the download directories; remove the task without delete_data");
        }
    }

    private DownloadClient clientOf(Task t) {
        return clients.find(t.client())
                .map(ClientDirectory.Client::client)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "Task " + t.id() + " belongs to '" + t.client() + "', which is no longer configured",
                        Map.of("client", t.client(), "known", clients.names())));
    }

    // ---- reading

    public Task get(String id) {
        return store.find(id).orElseThrow(() -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("task_id", id);
            details.put("hint", "task ids look like <client>:<hash or gid>; GET /api/v1/tasks lists them");
            details.put("clients", clients.names());
            return new ApiException(ErrorCode.NOT_FOUND, "Task '" + id + "' not found", details);
        });
    }

    /** A task addressed the way a client's own API does: by the client's name and its id (hash or gid), any case. */
    public Task get(String client, String clientTaskId) {
        clients.require(client);
        String id = Task.idOf(client, clientTaskId);
        return store.find(id)
                .or(() -> store.find(id.toLowerCase(java.util.Locale.ROOT)))
                .orElseGet(() -> get(id));
    }

    public TaskPage list(StatusFilter filter, @Nullable String client, int limit, int offset) {
        return list(filter, client, null, limit, offset);
    }

    /** {@code category}: the client's label (qBittorrent's category, Deluge's label), matched exactly; null for any. */
    public TaskPage list(
            StatusFilter filter, @Nullable String client, @Nullable String category, int limit, int offset) {
        if (client != null) clients.require(client);
        return store.list(filter, client, category, limit, offset);
    }

    /** The stored task with the client's live files, trackers and peers; a client that cannot answer leaves them empty. */
    public TaskWithDetails details(String id) {
        Task t = get(id);
        Optional<DownloadClient> c = clients.find(t.client()).map(ClientDirectory.Client::client);
        if (c.isEmpty())
            return new TaskWithDetails(
                    t, List.of(), List.of(), List.of(), "client '" + t.client() + "' is no longer configured");
        try {
            Optional<TaskDetails> live = c.get().details(t.clientTaskId());
            return live.map(d -> new TaskWithDetails(t, d.files(), trackersRedacted(d.trackers()), d.peers(), null))
                    .orElseGet(() -> new TaskWithDetails(
                            t, List.of(), List.of(), List.of(), "client '" + t.client() + "' no longer has this task"));
        } catch (RuntimeException e) {
            return new TaskWithDetails(
                    t,
                    List.of(),
                    List.of(),
                    List.of(),
                    "client '" + t.client() + "' did not answer: " + e.getMessage());
        }
    }

    /** A private tracker's announce URL carries the user's passkey: every reader gets it masked, like a credential. */
    private static List<TaskDetails.Tracker> trackersRedacted(List<TaskDetails.Tracker> trackers) {
        return trackers.stream()
                .map(t -> new TaskDetails.Tracker(
                        SecretsInUrls.redactTracker(t.url()),
                        t.status(),
                        t.peers(),
                        SecretsInUrls.redactTracker(t.message())))
                .toList();
    }

    public List<ClientState> clients() {
        return clients.all().stream().map(c -> state(c.name())).toList();
    }

    public ClientState client(String name) {
        clients.require(name);
        return state(name);
    }

    private ClientState state(String name) {
        DownloadClient c = clients.require(name).client();
        return new ClientState(
                name, c.kind(), clients.health(name), clients.stats(name).orElse(null), store.countListed(name));
    }

    /** Polls every client now instead of at the next interval (the pollers do this on their own). */
    public void refresh() {
        poller.pollAll();
    }

    // ---- completion webhook

    public boolean webhookSecretMatches(@Nullable String presented) {
        return webhookSecret.matches(presented);
    }

    /** What a webhook call did: the task it concerned, and whether it was the first to record the completion. */
    public record WebhookResult(Task task, boolean recorded) {}

    /**
     * A client says a download finished. The task is found by its hash (polling the clients once if no
     * poll has seen it yet); the completion is recorded once whoever comes first, the webhook or a poll.
     * The hook names the task and nothing else: its name, category and save path come from the client
     * (its client is polled first), so a caller holding the webhook secret cannot point the library mover
     * at files of its choosing. The payload's other fields are accepted for the seeds' hooks and ignored.
     */
    public WebhookResult complete(WebhookCompletion hook) {
        String hash = hook.hash() == null ? "" : hook.hash().trim().toLowerCase(java.util.Locale.ROOT);
        if (!hash.matches("[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{16}")) {
            throw ApiException.invalid(
                    "hash", "must be the torrent's info-hash (40 or 64 hex characters) or an aria2 gid");
        }
        if (hook.client() != null) clients.require(hook.client());
        String id = find(hash, hook.client()).orElseGet(() -> {
            poller.pollAll();
            return find(hash, hook.client())
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.NOT_FOUND,
                            "No task with hash " + hash + " on "
                                    + (hook.client() == null ? "any client" : "'" + hook.client() + "'"),
                            Map.of("hash", hash, "clients", clients.names())));
        });
        clients.find(get(id).client()).ifPresent(c -> poller.poll(c.name()));
        Instant at = hook.completionTime() == null || hook.completionTime() <= 0
                ? clock.instant()
                : Instant.ofEpochSecond(hook.completionTime());
        boolean recorded = completions.record(id, at);
        return new WebhookResult(get(id), recorded);
    }

    private Optional<String> find(String hash, @Nullable String client) {
        return store.idsByClientTaskId(hash).stream()
                .filter(id -> client == null || id.startsWith(client + ":"))
                .findFirst();
    }
}
