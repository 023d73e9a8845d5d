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
 * A Telegram Bot API double for {@code sendMessage}, checking what the real one checks: the token in
 * {@code /bot<token>/}, JSON or form bodies, a known {@code chat_id}, non-empty text of at most 4096 characters
 * after entity parsing, valid MarkdownV2 (an unescaped reserved character is a 400 "can't parse entities"), and
 * the limits: more than one message a second in a chat, or 30 a second overall, answers 429 with
 * {@code parameters.retry_after}. Accepted messages are recorded with their arrival time per chat.
 */
public final class FakeTelegram extends FakeHttp {
    private static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    public record Message(String chatId, String text, long arrivedAtMs) {}

    private final String token;
    private final Set<String> chats;
    private final Map<String, Long> lastArrival = new HashMap<>();
    private final Deque<Long> overall = new ArrayDeque<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private int nextMessageId = 1;
    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public final List<String> refusals = new CopyOnWriteArrayList<>();
    public final Map<String, Integer> throttled = new ConcurrentHashMap<>();

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

    public List<Message> messagesTo(String chatId) {
        return messages.stream().filter(m -> m.chatId().equals(chatId)).toList();
    }

    @Override
    protected synchronized Reply handle(Request r) {
        String prefix = "/bot" + token + "/";
        if (!r.path().startsWith("/bot")) return error(404, "Not Found");
        if (!r.path().startsWith(prefix)) return error(401, "Unauthorized");
        if (!r.path().equals(prefix + "sendMessage")) return error(404, "Not Found");
        if (!scripted.isEmpty()) return scripted.removeFirst();
        Map<String, String> params = params(r);
        if (params == null) return error(400, "Bad Request: can't parse JSON");
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
        messages.add(new Message(chat, parsed, now));
        return Reply.json(
                200,
                Map.of(
                        "ok",
                        true,
                        "result",
                        Map.of(
                                "message_id",
                                nextMessageId++,
                                "chat",
                                Map.of("id", chat),
                                "date",
                                System.currentTimeMillis() / 1000,
                                "text",
                                parsed)));
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
