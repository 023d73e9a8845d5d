package dev.hearth.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.notify.internal.RateLimiter;
import dev.hearth.notify.internal.SharedLimiters;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamClient;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamRequest;
import dev.hearth.platform.http.UpstreamResponse;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.integration.KindContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Telegram Bot API as the chat bot uses it (getUpdates, sendMessage, editMessageText, answerCallbackQuery, getFile
 * and the file download, setWebhook/deleteWebhook). Messages go out through the same {@link RateLimiter} as the bot's
 * notification channels (keyed by the bot's id, see {@link TelegramKind#limitKey}), and a 429 blocks the whole bot
 * for {@code retry_after} seconds, as Telegram means it. The token lives only in the clients' base URLs.
 */
public final class TelegramApi {
    /** Telegram's limit on a message's text, in UTF-16 units after entity parsing (we send plain text). */
    public static final int MAX_TEXT = 4096;

    private static final int MAX_429_RETRIES = 3;

    private final UpstreamClient api;
    private final Supplier<UpstreamClient> files;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Clock clock;

    TelegramApi(
            UpstreamClient api, Supplier<UpstreamClient> files, RateLimiter limiter, ObjectMapper json, Clock clock) {
        this.api = api;
        this.files = files;
        this.limiter = limiter;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The client for {@code token}: the HTTP client is the one the notification channels of the same bot send with
     * ({@link #client}), the limiter the one their sender paces with; {@code maxFileBytes} bounds a download through
     * getFile.
     */
    public static TelegramApi create(
            String token, String apiBaseUrl, long maxFileBytes, KindContext context, SharedLimiters limiters) {
        String base = base(apiBaseUrl);
        TelegramKind kind = new TelegramKind();
        // Made when the first file is fetched: most bots never get one, and a client costs a selector thread.
        Supplier<UpstreamClient> files = new Supplier<>() {
            private @Nullable UpstreamClient made;

            @Override
            public synchronized UpstreamClient get() {
                UpstreamClient c = made;
                if (c == null) {
                    c = context.http()
                            .client(UpstreamSpec.of("telegram-bot-files", URI.create(base + "file/bot" + token + "/"))
                                    .withRetry(RetryPolicy.none())
                                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60))
                                    .withMaxResponseBytes(maxFileBytes));
                    made = c;
                }
                return c;
            }
        };
        String key = kind.type() + ":" + kind.limitKey("bot", new TelegramSettings(token, List.of(), base));
        return new TelegramApi(
                client(token, apiBaseUrl, context),
                files,
                limiters.forKey(key, kind.limits()),
                context.json(),
                context.clock());
    }

    /**
     * The one HTTP client of the bot with {@code token} at {@code apiBaseUrl}, shared by the bot and every notification
     * channel of that bot: one set of connections and one circuit per bot, as Telegram sees one client. Its base URL
     * carries {@code /bot<token>/}, so request paths are just the method and no error of the HTTP stack can quote the
     * token; its name holds only the bot's public id. No retry inside the stack: sendMessage is not idempotent.
     */
    static UpstreamClient client(String token, String apiBaseUrl, KindContext context) {
        String id = token.substring(0, Math.max(0, token.indexOf(':')));
        return context.http()
                .shared(UpstreamSpec.of("telegram:bot" + id, URI.create(base(apiBaseUrl) + "bot" + token + "/"))
                        .withRetry(RetryPolicy.none())
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15)));
    }

    private static String base(String apiBaseUrl) {
        return apiBaseUrl.endsWith("/") ? apiBaseUrl : apiBaseUrl + "/";
    }

    /** Updates from {@code offset} on, waiting up to {@code timeout} for the first (long polling; the request may take longer by a margin). */
    public List<JsonNode> getUpdates(long offset, Duration timeout) {
        ObjectNode body = json.createObjectNode().put("offset", offset).put("timeout", timeout.toSeconds());
        body.putArray("allowed_updates").add("message").add("callback_query");
        JsonNode result = call("getUpdates", body, null, timeout.plusSeconds(15));
        List<JsonNode> updates = new ArrayList<>();
        result.forEach(updates::add);
        return updates;
    }

    /**
     * Sends {@code text} as plain text, split into messages of at most {@link #MAX_TEXT}; the markup rides on the last.
     * Answers the last message's id (what {@link #editMessageText} changes later), 0 if Telegram named none.
     */
    public long sendMessage(String chatId, String text, @Nullable JsonNode replyMarkup) {
        List<String> parts = split(text.isEmpty() ? "…" : text, MAX_TEXT);
        long id = 0;
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = json.createObjectNode().put("chat_id", chatId).put("text", parts.get(i));
            if (replyMarkup != null && i == parts.size() - 1) body.set("reply_markup", replyMarkup);
            id = call("sendMessage", body, chatId, null).path("message_id").asLong(0);
        }
        return id;
    }

    /**
     * Replaces the text of the bot's message {@code messageId} in {@code chatId} (one progress message that changes,
     * not one more each step); paced like a message. Throws with Telegram's 400 when the message is gone or too old.
     */
    public void editMessageText(String chatId, long messageId, String text) {
        ObjectNode body = json.createObjectNode()
                .put("chat_id", chatId)
                .put("message_id", messageId)
                .put("text", split(text.isEmpty() ? "…" : text, MAX_TEXT).getFirst());
        call("editMessageText", body, chatId, null);
    }

    public void answerCallbackQuery(String callbackQueryId, String text) {
        ObjectNode body = json.createObjectNode().put("callback_query_id", callbackQueryId);
        if (!text.isEmpty()) body.put("text", text.length() > 200 ? text.substring(0, 200) : text);
        call("answerCallbackQuery", body, null, null);
    }

    /** The file's bytes, by getFile then a download from {@code /file/bot<token>/<file_path>}; bounded in size. */
    public byte[] download(String fileId) {
        JsonNode file = call("getFile", json.createObjectNode().put("file_id", fileId), null, null);
        String path = file.path("file_path").asText("");
        if (path.isEmpty() || path.startsWith("/") || path.contains(".."))
            throw new TelegramException("getFile gave no usable file_path");
        UpstreamResponse r = files.get().send(UpstreamRequest.get(path));
        if (!r.isSuccess()) throw new TelegramException("the file download answered HTTP " + r.status());
        return r.body();
    }

    /** Points Telegram at {@code url}; each delivery then carries {@code secretToken} in X-Telegram-Bot-Api-Secret-Token. */
    public void setWebhook(String url, String secretToken) {
        ObjectNode body = json.createObjectNode().put("url", url).put("secret_token", secretToken);
        body.putArray("allowed_updates").add("message").add("callback_query");
        call("setWebhook", body, null, null);
    }

    /** Long polling does not work while a webhook is set: Telegram answers getUpdates with 409. */
    public void deleteWebhook() {
        call("deleteWebhook", json.createObjectNode(), null, null);
    }

    /**
     * One Bot API call: waits for the shared pace when it sends to a chat, obeys a 429's retry_after (for every
     * sender of this bot), and answers {@code result} or throws with Telegram's own description.
     */
    private JsonNode call(String method, ObjectNode body, @Nullable String chatId, @Nullable Duration timeout) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TelegramException("cannot write the request as JSON");
        }
        for (int attempt = 0; ; attempt++) {
            String destination = chatId == null ? "" : chatId;
            if (chatId != null) awaitTurn(destination);
            UpstreamResponse r;
            try {
                UpstreamRequest request = UpstreamRequest.post(method, bytes, "application/json");
                r = api.send(timeout == null ? request : request.withTimeout(timeout));
            } finally {
                if (chatId != null) limiter.sent(destination, clock.millis());
            }
            JsonNode envelope = envelope(r);
            if (r.status() == 429) {
                long wait = Math.max(
                        1, envelope.path("parameters").path("retry_after").asLong(1));
                limiter.blockUntil(clock.millis() + wait * 1000);
                if (attempt < MAX_429_RETRIES) {
                    if (chatId == null) sleep(wait * 1000);
                    continue;
                }
            }
            if (r.isSuccess() && envelope.path("ok").asBoolean(false)) return envelope.path("result");
            String description = envelope.path("description").asText("HTTP " + r.status());
            throw new TelegramException(method + ": " + description, r.status());
        }
    }

    private void awaitTurn(String chatId) {
        while (true) {
            long now = clock.millis();
            if (limiter.tryBegin(chatId, now)) return;
            sleep(Math.max(1, limiter.readyAt(chatId, now) - now));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(Math.min(ms, 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException("interrupted while waiting for Telegram's rate limit");
        }
    }

    private static JsonNode envelope(UpstreamResponse r) {
        try {
            return r.json();
        } catch (UpstreamException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Cuts {@code text} into pieces of at most {@code max} UTF-16 units: after a line break or space in the last
     * fifth where there is one, never inside a surrogate pair.
     */
    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (text.length() - from > max) {
            int end = from + max;
            if (Character.isLowSurrogate(text.charAt(end))) end--;
            int floor = from + max * 4 / 5;
            int cut = -1;
            for (int j = end; j > floor && cut < 0; j--) if (text.charAt(j - 1) == '\n') cut = j;
            for (int j = end; j > floor && cut < 0; j--) if (text.charAt(j - 1) == ' ') cut = j;
            if (cut < 0) cut = end;
            parts.add(text.substring(from, cut));
            from = cut;
        }
        parts.add(text.substring(from));
        return parts;
    }
}
