package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Telegram Bot API double for {@code sendMessage} (and {@code editMessageText} of a message it accepted), checking what the real one checks: the token in
 * {@code /bot<token>/}, JSON or form bodies, a known {@code chat_id}, non-empty text of at most 4096 characters
 * after entity parsing, valid MarkdownV2 (an unescaped reserved character is a 400 "can't parse entities"), and
 * the limits: more than one message a second in a chat, or 30 a second overall, answers 429 with
 * {@code parameters.retry_after}. Accepted messages are recorded with their arrival time per chat.
 */
public final class FakeTelegram extends FakeHttp {
    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    /** A message Telegram accepted; {@code replyMarkup} is the inline keyboard sent with it, or a missing node. */
    public record Message(String chatId, String text, long arrivedAtMs, JsonNode replyMarkup) {}

    /** An editMessageText Telegram accepted: message {@code messageId} of {@code chatId} now reads {@code text}. */
    public record Edit(String chatId, long messageId, String text) {}

    /** A callback query the bot answered. */
    public record CallbackAnswer(String callbackQueryId, String text) {}

    private final String token;
    private final Set<String> chats;
    private final Map<String, Long> lastArrival = new HashMap<>();
    private final Deque<Long> overall = new ArrayDeque<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private int nextMessageId = 1;
    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public final List<String> refusals = new CopyOnWriteArrayList<>();
    public final Map<String, Integer> throttled = new ConcurrentHashMap<>();
    public final List<CallbackAnswer> callbackAnswers = new CopyOnWriteArrayList<>();
    private final List<JsonNode> updates = new ArrayList<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private long nextUpdateId = 1000;
    private long confirmedBelow;
    private volatile String webhookUrl = "";
    private volatile String webhookSecret = "";
    public final List<Long> offsetsAsked = new CopyOnWriteArrayList<>();
    public final List<Edit> edits = new CopyOnWriteArrayList<>();
    /** Each accepted message's chat and current text, by message_id: what editMessageText may change. */
    private final Map<Long, Message> shown = new HashMap<>();

    public FakeTelegram(String token, Set<String> chats) throws IOException {
        this.token = token;
        this.chats = Set.copyOf(chats);
    }

    /** The next sendMessage gets this answer instead of being checked (e.g. a 500, or a 429). */
    public synchronized void scriptNext(int status, String description, Integer retryAfter) {
        Map<String, Object> body = new HashMap<>(Map.of("ok", false, "error_code", status, "description", description));
        if (retryAfter != null) body.put("parameters", Map.of("retry_after", retryAfter));
        scripted.add(Reply.json(status, body));
    }

    /** What message {@code messageId} reads now, after its edits; null when there is no such message. */
    public synchronized String shownText(long messageId) {
        Message m = shown.get(messageId);
        return m == null ? null : m.text();
    }

    /** The message_id Telegram gave {@code message}, or 0. */
    public synchronized long idOf(Message message) {
        return shown.entrySet().stream()
                .filter(e -> e.getValue().arrivedAtMs() == message.arrivedAtMs()
                        && e.getValue().chatId().equals(message.chatId()))
                .mapToLong(Map.Entry::getKey)
                .findFirst()
                .orElse(0);
    }

    public List<Message> messagesTo(String chatId) {
        return messages.stream().filter(m -> m.chatId().equals(chatId)).toList();
    }

    /**
     * Queues an update as a user's client would cause it; Telegram numbers updates itself, increasing by one.
     * Answers the update_id given.
     */
    public synchronized long pushUpdate(Map<String, Object> update) {
        com.fasterxml.jackson.databind.node.ObjectNode u = JSON.valueToTree(update);
        long id = nextUpdateId++;
        u.put("update_id", id);
        updates.add(u);
        notifyAll();
        return id;
    }

    /** A private-chat text message from {@code userId} (a private chat's id is the user's id). */
    public long pushText(long userId, long chatId, String text) {
        return pushUpdate(Map.of(
                "message",
                Map.of(
                        "message_id",
                        1,
                        "date",
                        System.currentTimeMillis() / 1000,
                        "from",
                        Map.of("id", userId, "is_bot", false, "first_name", "u" + userId),
                        "chat",
                        Map.of("id", chatId, "type", chatId < 0 ? "group" : "private"),
                        "text",
                        text)));
    }

    /** A press on an inline keyboard button carrying {@code data}, under a message in {@code chatId}. */
    public long pushCallback(long userId, long chatId, String data) {
        return pushUpdate(Map.of(
                "callback_query",
                Map.of(
                        "id",
                        "cb" + nextUpdateId,
                        "from",
                        Map.of("id", userId, "is_bot", false, "first_name", "u" + userId),
                        "message",
                        Map.of("message_id", 1, "date", 0, "chat", Map.of("id", chatId, "type", "private")),
                        "chat_instance",
                        "1",
                        "data",
                        data)));
    }

    /** A document message: the file is kept here and served by getFile and the file download. */
    public synchronized long pushDocument(long userId, long chatId, String fileName, byte[] content) {
        String fileId = "file" + (files.size() + 1);
        files.put(fileId, content);
        return pushUpdate(Map.of(
                "message",
                Map.of(
                        "message_id",
                        1,
                        "date",
                        System.currentTimeMillis() / 1000,
                        "from",
                        Map.of("id", userId, "is_bot", false, "first_name", "u" + userId),
                        "chat",
                        Map.of("id", chatId, "type", "private"),
                        "document",
                        Map.of(
                                "file_id",
                                fileId,
                                "file_unique_id",
                                "u" + fileId,
                                "file_name",
                                fileName,
                                "mime_type",
                                "application/x-bittorrent",
                                "file_size",
                                content.length))));
    }

    /** Updates not yet confirmed by a getUpdates with a higher offset (what a restart would be given again). */
    public synchronized int unconfirmed() {
        return (int) updates.stream()
                .filter(u -> u.path("update_id").asLong() >= confirmedBelow)
                .count();
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    @Override
    protected synchronized Reply handle(Request r) {
        String prefix = "/bot" + token + "/";
        if (r.path().startsWith("/file/bot" + token + "/")) {
            String path = r.path().substring(("/file/bot" + token + "/").length());
            byte[] content = files.get(path.replace("documents/", ""));
            return content == null ? error(404, "Not Found") : Reply.bytes(200, "application/octet-stream", content);
        }
        if (!r.path().startsWith("/bot")) return error(404, "Not Found");
        if (!r.path().startsWith(prefix)) return error(401, "Unauthorized");
        String method = r.path().substring(prefix.length());
        Map<String, String> params = params(r);
        if (params == null) return error(400, "Bad Request: can't parse JSON");
        switch (method) {
            case "getUpdates":
                return getUpdates(params);
            case "answerCallbackQuery":
                if (params.getOrDefault("callback_query_id", "").isEmpty())
                    return error(
                            400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
                callbackAnswers.add(
                        new CallbackAnswer(params.get("callback_query_id"), params.getOrDefault("text", "")));
                return ok(true);
            case "getFile": {
                String id = params.getOrDefault("file_id", "");
                if (!files.containsKey(id)) return error(400, "Bad Request: invalid file_id");
                return ok(Map.of(
                        "file_id",
                        id,
                        "file_unique_id",
                        "u" + id,
                        "file_size",
                        files.get(id).length,
                        "file_path",
                        "documents/" + id));
            }
            case "setWebhook": {
                String url = params.getOrDefault("url", "");
                String secret = params.getOrDefault("secret_token", "");
                if (!secret.matches("[A-Za-z0-9_-]{0,256}"))
                    return error(400, "Bad Request: secret token contains unallowed characters");
                webhookUrl = url;
                webhookSecret = secret;
                notifyAll();
                return ok(true);
            }
            case "deleteWebhook":
                webhookUrl = "";
                webhookSecret = "";
                return ok(true);
            case "editMessageText": {
                String chat = params.getOrDefault("chat_id", "");
                long id;
                try {
                    id = Long.parseLong(params.getOrDefault("message_id", ""));
                } catch (NumberFormatException e) {
                    return error(400, "Bad Request: message identifier is not specified");
                }
                String text = params.getOrDefault("text", "");
                Message m = shown.get(id);
                if (m == null || !m.chatId().equals(chat)) return error(400, "Bad Request: message to edit not found");
                if (text.isEmpty()) return error(400, "Bad Request: message text is empty");
                if (text.length() > 4096) return error(400, "Bad Request: MESSAGE_TOO_LONG");
                if (text.equals(m.text()))
                    return error(
                            400,
                            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
                shown.put(id, new Message(chat, text, m.arrivedAtMs(), m.replyMarkup()));
                edits.add(new Edit(chat, id, text));
                return ok(Map.of(
                        "message_id", id, "chat", Map.of("id", chat), "date", m.arrivedAtMs() / 1000, "text", text));
            }
            case "sendMessage":
                break;
            default:
                return error(404, "Not Found");
        }
        if (!scripted.isEmpty()) return scripted.removeFirst();
        String chat = params.getOrDefault("chat_id", "");
        String text = params.getOrDefault("text", "");
        if (chat.isEmpty()) return error(400, "Bad Request: chat_id is empty");
        if (!chats.contains(chat)) return error(400, "Bad Request: chat not found");
        if (text.isEmpty()) return error(400, "Bad Request: message text is empty");
        String parsed = text;
        if ("MarkdownV2".equals(params.get("parse_mode"))) {
            parsed = parseMarkdownV2(text);
            if (parsed == null) return error(400, refusals.getLast());
        }
        if (parsed.length() > 4096) return error(400, "Bad Request: message is too long");
        long now = r.arrivedAtMs();
        while (!overall.isEmpty() && overall.peekFirst() <= now - 1000) overall.removeFirst();
        Long last = lastArrival.get(chat);
        if ((last != null && now - last < 1000) || overall.size() >= 30) {
            throttled.merge(chat, 1, Integer::sum);
            return Reply.json(
                    429,
                    Map.of(
                            "ok",
                            false,
                            "error_code",
                            429,
                            "description",
                            "Too Many Requests: retry after 1",
                            "parameters",
                            Map.of("retry_after", 1)));
        }
        lastArrival.put(chat, now);
        overall.addLast(now);
        JsonNode markup =
                r.header("Content-Type") != null && r.header("Content-Type").startsWith("application/json")
                        ? r.json().path("reply_markup")
                        : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        if (markup.isObject()) {
            for (JsonNode row : markup.path("inline_keyboard"))
                for (JsonNode button : row) {
                    int bytes = button.path("callback_data")
                            .asText("")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                            .length;
                    if (bytes < 1 || bytes > 64) return error(400, "Bad Request: BUTTON_DATA_INVALID");
                }
        }
        Message accepted = new Message(chat, parsed, now, markup);
        messages.add(accepted);
        long messageId = nextMessageId++;
        shown.put(messageId, accepted);
        return Reply.json(
                200,
                Map.of(
                        "ok",
                        true,
                        "result",
                        Map.of(
                                "message_id",
                                messageId,
                                "chat",
                                Map.of("id", chat),
                                "date",
                                System.currentTimeMillis() / 1000,
                                "text",
                                parsed)));
    }

    /**
     * Long polling as documented: an offset confirms every update below it (they are forgotten); with no update
     * waiting, the call is held up to {@code timeout} seconds. A webhook in place makes getUpdates a 409.
     */
    private Reply getUpdates(Map<String, String> params) {
        if (!webhookUrl.isEmpty())
            return error(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        long offset = Long.parseLong(params.getOrDefault("offset", "0"));
        long timeout = Math.min(50, Long.parseLong(params.getOrDefault("timeout", "0")));
        offsetsAsked.add(offset);
        if (offset > 0) {
            confirmedBelow = Math.max(confirmedBelow, offset);
            updates.removeIf(u -> u.path("update_id").asLong() < offset);
        }
        long deadline = System.nanoTime() + timeout * 1_000_000_000L;
        while (updates.isEmpty() && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ok(List.copyOf(updates));
    }

    private static Reply ok(Object result) {
        return Reply.json(200, Map.of("ok", true, "result", result));
    }

    private static Map<String, String> params(Request r) {
        String type = r.header("Content-Type") == null ? "" : r.header("Content-Type");
        Map<String, String> out = new HashMap<>();
        if (type.startsWith("application/json")) {
            JsonNode n = r.json();
            if (!n.isObject()) return null;
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            out.putAll(r.form());
        } else if (r.query() != null) {
            out.putAll(new Request("GET", "", null, r.headers(), r.query().getBytes(), 0).form());
        }
        return out;
    }

    /** The text as Telegram shows it, or null (with the refusal recorded) when Telegram would refuse it. */
    private String parseMarkdownV2(String text) {
        StringBuilder plain = new StringBuilder();
        List<String> open = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) > 126)
                    return refuse(
                            "Bad Request: can't parse entities: unexpected end or bad escape at byte offset " + i);
                plain.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '*' || c == '~' || c == '_') {
                String marker =
                        c == '_' && i + 1 < text.length() && text.charAt(i + 1) == '_' ? "__" : String.valueOf(c);
                if (!open.isEmpty() && open.getLast().equals(marker)) open.removeLast();
                else open.add(marker);
                i += marker.length();
            } else if (RESERVED.indexOf(c) >= 0) {
                return refuse("Bad Request: can't parse entities: Character '" + c
                        + "' is reserved and must be escaped with the preceding '\\'");
            } else {
                plain.append(c);
                i++;
            }
        }
        if (!open.isEmpty())
            return refuse("Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0");
        return plain.toString();
    }

    private String refuse(String description) {
        refusals.add(description);
        return null;
    }

    private static Reply error(int status, String description) {
        return Reply.json(status, Map.of("ok", false, "error_code", status, "description", description));
    }
}
