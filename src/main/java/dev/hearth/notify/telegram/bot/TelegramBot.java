package dev.hearth.notify.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.assistant.Assistant;
import dev.hearth.assistant.Reply;
import dev.hearth.assistant.Turn;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.Task;
import dev.hearth.notify.internal.SharedLimiters;
import dev.hearth.notify.telegram.TelegramApi;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.scheduler.Worker;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The Telegram bot: takes updates by long polling (the default: works behind NAT) or from the webhook door, answers
 * only allow-listed users and chats, each with the Hearth role the config maps it to, and hands every message to the
 * same {@link Assistant} as {@code POST /api/v1/command}; every action it causes goes through the action catalog
 * with that role, audited with the door {@code telegram}. Updates are handled one at a time, in order, and the
 * offset is stored after each, so a restart neither replays nor skips one.
 */
@Singleton
public class TelegramBot implements Worker {
    /** Its name among maintenance's workers. */
    public static final String WORKER = "telegram-bot";

    public static final String DOOR = "telegram";
    public static final String WEBHOOK_PATH = "/api/v1/telegram/webhook";
    private static final Logger LOG = Logger.getLogger(TelegramBot.class);
    private static final Duration BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_CALLBACK_DATA = 64;
    /** The media feature's title download (named, not imported: media depends on notify, not the reverse). */
    private static final String MEDIA_DOWNLOAD = "media.download";

    /** What the dashboard's card shows. Ids are listed for an admin only (the route's role). */
    public record Status(
            boolean enabled,
            String mode,
            boolean running,
            @Nullable Instant lastUpdateAt,
            @Nullable String lastError,
            long updatesHandled,
            long strangersIgnored,
            List<TelegramBotConfig.Member> users,
            List<TelegramBotConfig.Member> chats) {}

    private final TelegramBotConfig config;
    private final KindContext context;
    private final SharedLimiters limiters;
    private final Assistant assistant;
    private final ActionCatalog catalog;
    private final BotStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock handling = new ReentrantLock();
    /**
     * Held from remembering a chat's download until its reply is sent, and while news of a download goes out: a
     * torrent whose data is already on disk completes within milliseconds, and "Download finished" must not reach
     * the chat before "Downloading".
     */
    private final ReentrantLock replyBeforeNews = new ReentrantLock();

    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong strangers = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile @Nullable TelegramApi api;
    private volatile @Nullable Thread poller;
    private volatile boolean running;
    /** Bumped by each start: a poll thread left over from before a restart sees it changed and ends. */
    private volatile long generation;

    private volatile @Nullable Instant lastUpdateAt;
    private volatile @Nullable String lastError;

    public TelegramBot(
            ConfigService config,
            KindContext context,
            SharedLimiters limiters,
            Assistant assistant,
            ActionCatalog catalog,
            BotStore store,
            ObjectMapper json,
            Clock clock) {
        this.config = config.current().section(TelegramBotConfig.class);
        this.context = context;
        this.limiters = limiters;
        this.assistant = assistant;
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    void onStop(@Observes ShutdownEvent ignored) {
        stop();
    }

    public synchronized void start() {
        if (!config.enabled() || running) return;
        TelegramApi client =
                TelegramApi.create(config.botToken(), config.apiBaseUrl(), config.maxTorrentBytes(), context, limiters);
        api = client;
        running = true;
        if (config.webhook()) {
            rounds.incrementAndGet();
            String url = config.publicUrl().replaceAll("/+$", "") + WEBHOOK_PATH;
            try {
                client.setWebhook(url, config.secretToken());
                LOG.infof("telegram bot: webhook set to %s", url);
            } catch (RuntimeException e) {
                failed("setWebhook", e);
            }
        } else {
            long mine = ++generation;
            poller = Thread.ofVirtual().name("telegram-bot-poller").start(() -> poll(client, mine));
        }
    }

    public synchronized void stop() {
        running = false;
        Thread t = poller;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poller = null;
    }

    /** Listed while the bot is on; a run is one long poll (or, with the webhook, the webhook's setting). */
    @Override
    public Optional<Scheduler.PollerView> view() {
        if (!config.enabled()) return Optional.empty();
        return Optional.of(
                new Scheduler.PollerView(WORKER, config.pollTimeout(), running, rounds.get(), restarts.get()));
    }

    /** A stuck long poll is interrupted; the new one goes on from the stored offset, so no update is lost. */
    @Override
    public synchronized Scheduler.PollerView restart() {
        stop();
        restarts.incrementAndGet();
        start();
        LOG.infof("telegram bot restarted (%s)", config.mode());
        return view().orElseThrow();
    }

    /** The client the progress messages use; empty while the bot is off. */
    Optional<TelegramApi> api() {
        return Optional.ofNullable(api);
    }

    /**
     * Tells the chat that started a download, once, whatever the bus repeats: the key is claimed before the message
     * goes out and released if Telegram refuses it, so the bus's retry sends it then. Nothing while the bot is off.
     */
    void announce(String key, String text) {
        TelegramApi client = api;
        if (client == null) return;
        replyBeforeNews.lock();
        try {
            Optional<String> chat = store.claimAnnouncement(key);
            if (chat.isEmpty()) return;
            try {
                client.sendMessage(chat.get(), text, null);
            } catch (RuntimeException e) {
                store.unclaim(key);
                throw e;
            }
        } finally {
            replyBeforeNews.unlock();
        }
    }

    public Status status() {
        return new Status(
                config.enabled(),
                config.mode(),
                running,
                lastUpdateAt,
                lastError,
                handled.get(),
                strangers.get(),
                config.users(),
                config.chats());
    }

    private void poll(TelegramApi client, long mine) {
        try {
            client.deleteWebhook();
        } catch (RuntimeException e) {
            failed("deleteWebhook", e);
        }
        while (running && generation == mine && !Thread.currentThread().isInterrupted()) {
            try {
                rounds.incrementAndGet();
                for (JsonNode update : client.getUpdates(store.offset(), config.pollTimeout())) {
                    accept(update);
                }
                lastError = null;
            } catch (RuntimeException e) {
                if (!running) return;
                failed("getUpdates", e);
                try {
                    Thread.sleep(BACKOFF); // Telegram or the network is down: ask again later, not in a tight loop
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * One update from the webhook door, after Telegram's secret_token was checked here. False when the secret does
     * not match or the bot does not take webhooks (the door answers 401 then, and nothing is handled).
     */
    public boolean acceptWebhook(@Nullable String secret, JsonNode update) {
        if (!webhookSecretMatches(secret)) return false;
        accept(update);
        return true;
    }

    /** Whether the bot takes webhooks and {@code secret} is its secret_token (compared in constant time). */
    public boolean webhookSecretMatches(@Nullable String secret) {
        if (!running || !config.webhook() || secret == null) return false;
        return MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), config.secretToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Handles an update once: Telegram may deliver one again (a webhook retry), the stored offset says if it was seen. */
    private void accept(JsonNode update) {
        long id = update.path("update_id").asLong(-1);
        handling.lock();
        try {
            if (id < 0 || id < store.offset()) return;
            try {
                handle(update);
            } catch (RuntimeException e) {
                // Stopped in the middle: the update is not marked, so the next start handles it.
                if (!running) return;
                // One bad update must not stop the bot, nor be retried forever.
                LOG.errorf(e, "telegram bot: update %d failed", id);
            }
            store.offset(id + 1);
            handled.incrementAndGet();
            lastUpdateAt = clock.instant();
        } finally {
            handling.unlock();
        }
    }

    private void handle(JsonNode update) {
        JsonNode callback = update.path("callback_query");
        if (callback.isObject()) {
            onCallback(callback);
            return;
        }
        JsonNode message = update.path("message");
        if (!message.isObject()) return;
        String userId = message.path("from").path("id").asText("");
        String chatId = message.path("chat").path("id").asText("");
        Optional<Role> role = config.roleOf(userId, chatId);
        if (role.isEmpty()) {
            stranger(userId, chatId);
            return;
        }
        Caller caller = caller(userId, role.get());
        JsonNode document = message.path("document");
        if (document.isObject()) {
            onDocument(caller, chatId, document);
            return;
        }
        String text = message.path("text").asText("").trim();
        if (text.isEmpty()) return;
        if (text.startsWith("magnet:?")) {
            ObjectNode params = json.createObjectNode().put("url", text);
            addDownload(caller, chatId, params);
            return;
        }
        String said = command(text);
        if (said == null) {
            send(chatId, Reply.of(Reply.Status.ERROR, "I don't know that command. /help lists what I understand."));
            return;
        }
        if (said.length() > Turn.MAX_TEXT) said = said.substring(0, Turn.MAX_TEXT);
        Reply reply = assistant.handle(new Turn(caller, DOOR, conversation(chatId), said, null));
        rememberAndSend(reply, chatId);
    }

    /** A slash command as the sentence the assistant understands; plain text as it is; null for an unknown command. */
    static @Nullable String command(String text) {
        if (!text.startsWith("/")) return text;
        int space = text.indexOf(' ');
        String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@'); // "/status@HearthBot" in groups
        if (at > 0) name = name.substring(0, at);
        String args = space < 0 ? "" : text.substring(space + 1).trim();
        return switch (name) {
            case "/start", "/help" -> "help";
            case "/status" -> "status";
            case "/downloads" -> "what is downloading";
            case "/services" -> "list services";
            case "/alerts" -> "alerts";
            case "/restart" -> args.isEmpty() ? "restart" : "restart " + args;
            default -> null;
        };
    }

    private void onCallback(JsonNode callback) {
        String userId = callback.path("from").path("id").asText("");
        String chatId = callback.path("message").path("chat").path("id").asText("");
        Optional<Role> role = config.roleOf(userId, chatId);
        if (role.isEmpty()) {
            stranger(userId, chatId);
            return;
        }
        TelegramApi client = require();
        String data = callback.path("data").asText("");
        Turn turn;
        if (data.startsWith("y:")) {
            turn = new Turn(caller(userId, role.get()), DOOR, conversation(chatId), "", data.substring(2));
        } else if (data.startsWith("n:")) {
            turn = new Turn(caller(userId, role.get()), DOOR, conversation(chatId), "no", null);
        } else if (data.startsWith("t:")) {
            turn = new Turn(caller(userId, role.get()), DOOR, conversation(chatId), data.substring(2), null);
        } else {
            client.answerCallbackQuery(callback.path("id").asText(), "That button is not mine.");
            return;
        }
        Reply reply = assistant.handle(turn);
        // Answered before the reply is sent, so the button stops spinning as soon as the action has run.
        client.answerCallbackQuery(
                callback.path("id").asText(),
                switch (reply.status()) {
                    case SUCCESS -> "Done";
                    case CANCELLED -> "Cancelled";
                    default -> "";
                });
        rememberAndSend(reply, chatId);
    }

    private void onDocument(Caller caller, String chatId, JsonNode document) {
        String name = document.path("file_name").asText("upload.torrent");
        boolean torrent = name.toLowerCase(Locale.ROOT).endsWith(".torrent")
                || document.path("mime_type").asText("").equals("application/x-bittorrent");
        if (!torrent) {
            send(chatId, Reply.of(Reply.Status.ERROR, "I take .torrent files only."));
            return;
        }
        Role needed = catalog.spec(DownloadActions.ADD).role();
        if (!caller.may(needed)) {
            send(chatId, forbidden(caller));
            return;
        }
        if (document.path("file_size").asLong(0) > config.maxTorrentBytes()) {
            send(chatId, Reply.of(Reply.Status.ERROR, "That file is too large for a .torrent."));
            return;
        }
        byte[] bytes;
        try {
            bytes = require().download(document.path("file_id").asText(""));
        } catch (RuntimeException e) {
            send(chatId, Reply.of(Reply.Status.ERROR, "I couldn't fetch that file from Telegram."));
            return;
        }
        ObjectNode params = json.createObjectNode()
                .put("torrent_base64", Base64.getEncoder().encodeToString(bytes))
                .put("torrent_filename", name);
        addDownload(caller, chatId, params);
    }

    /** Through the catalog like every add, so the role, the client choice and the path confinement all apply. */
    private void addDownload(Caller caller, String chatId, ObjectNode params) {
        try {
            Record result = catalog.invoke(DownloadActions.ADD, params, caller, DOOR);
            if (result instanceof Task task) {
                replyBeforeNews.lock();
                try {
                    store.remember(task.id(), chatId);
                    send(
                            chatId,
                            Reply.of(
                                    Reply.Status.SUCCESS,
                                    "Downloading " + task.name() + " on " + task.client()
                                            + ". I'll write here when it is done."));
                } finally {
                    replyBeforeNews.unlock();
                }
            }
        } catch (ApiException e) {
            send(
                    chatId,
                    e.code() == ErrorCode.FORBIDDEN
                            ? forbidden(caller)
                            : Reply.of(Reply.Status.ERROR, "I couldn't start that download: " + e.getMessage()));
        }
    }

    private static Reply forbidden(Caller caller) {
        return Reply.of(
                Reply.Status.REFUSED,
                "You can't start downloads: that needs the operator role and you are "
                        + caller.role().id() + ".");
    }

    private void rememberAndSend(Reply reply, String chatId) {
        replyBeforeNews.lock();
        try {
            rememberDownload(reply, chatId);
            send(chatId, reply);
        } finally {
            replyBeforeNews.unlock();
        }
    }

    /**
     * The chat to tell when a download it started is done: a torrent or link by its task ("Download finished"), a
     * title by the media feature's ready key ("Ready to watch", after the library refresh), so it hears once.
     */
    private void rememberDownload(Reply reply, String chatId) {
        if (reply.status() != Reply.Status.SUCCESS) return;
        JsonNode d = reply.details();
        if (DownloadActions.ADD.equals(reply.action()) && d.path("id").isTextual()) {
            store.remember(d.path("id").asText(), chatId);
        } else if (MEDIA_DOWNLOAD.equals(reply.action()) && d.path("task_id").isTextual()) {
            store.remember(MediaReadyRelay.READY_PREFIX + d.path("task_id").asText(), chatId);
        }
        // A model's turn: the tools it ran, with the task each started.
        for (JsonNode step : d.path("steps")) {
            String task = step.path("task_id").asText("");
            if (task.isEmpty()) continue;
            String action = step.path("action").asText("");
            if (DownloadActions.ADD.equals(action)) store.remember(task, chatId);
            else if (MEDIA_DOWNLOAD.equals(action)) store.remember(MediaReadyRelay.READY_PREFIX + task, chatId);
        }
    }

    /** The reply, with Yes/No buttons for a confirmation and a button per choice when the assistant asks back. */
    private void send(String chatId, Reply reply) {
        require().sendMessage(chatId, reply.message(), keyboard(reply));
    }

    private @Nullable JsonNode keyboard(Reply reply) {
        ObjectNode markup = json.createObjectNode();
        ArrayNode rows = markup.putArray("inline_keyboard");
        Reply.Confirmation c = reply.confirmation();
        if (c != null) {
            ArrayNode row = rows.addArray();
            row.addObject().put("text", "Yes").put("callback_data", "y:" + c.id());
            row.addObject().put("text", "No").put("callback_data", "n:" + c.id());
            return markup;
        }
        for (String choice : reply.choices()) {
            // callback_data is 1-64 bytes: a choice too long for it stays typed text only
            if (("t:" + choice).getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_DATA) continue;
            if (rows.size() >= 8) break;
            rows.addArray().addObject().put("text", choice).put("callback_data", "t:" + choice);
        }
        return rows.isEmpty() ? null : markup;
    }

    private TelegramApi require() {
        TelegramApi client = api;
        if (client == null) throw new IllegalStateException("the Telegram bot is not started");
        return client;
    }

    private void stranger(String userId, String chatId) {
        long n = strangers.incrementAndGet();
        // Sampled: a stranger spamming the bot must not flood the log.
        if (n <= 3 || n % 100 == 0) {
            LOG.warnf(
                    "telegram bot: ignored a message from user %s in chat %s: not in telegram_bot.users or chats (%d ignored so far)",
                    userId, chatId, n);
        }
    }

    private void failed(String what, RuntimeException e) {
        String why = e instanceof UpstreamException || e instanceof dev.hearth.notify.telegram.TelegramException
                ? e.getMessage()
                : e.getClass().getSimpleName();
        lastError = what + ": " + why;
        LOG.warnf("telegram bot: %s", lastError);
    }

    private static Caller caller(String userId, Role role) {
        return new Caller("telegram:" + userId, "telegram user " + userId, role, Caller.Method.SYSTEM);
    }

    private static String conversation(String chatId) {
        return "telegram:" + chatId;
    }
}
