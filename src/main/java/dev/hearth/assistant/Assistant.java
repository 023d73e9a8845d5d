package dev.hearth.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.actions.ActionSpec;
import dev.hearth.assistant.anthropic.AnthropicProvider;
import dev.hearth.assistant.internal.AssistantMeters;
import dev.hearth.assistant.internal.CatalogVocabulary;
import dev.hearth.assistant.internal.Conversation;
import dev.hearth.assistant.internal.Conversations;
import dev.hearth.assistant.internal.Intent;
import dev.hearth.assistant.internal.IntentParser;
import dev.hearth.assistant.internal.Known;
import dev.hearth.assistant.internal.NameMatcher;
import dev.hearth.assistant.internal.Plan;
import dev.hearth.assistant.internal.Planner;
import dev.hearth.assistant.internal.Renderer;
import dev.hearth.assistant.internal.ToolLoop;
import dev.hearth.assistant.openai.OpenAiProvider;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The one assistant behind every chat door (REST {@code /api/v1/command}, the dashboard's chat box, later the
 * Telegram bot): a {@link Turn} in, a {@link Reply} out. It understands messages with the offline parser or, by config,
 * a language model; either way every action ends in {@link ActionCatalog#invoke} with the caller's own role and the
 * door named ({@code chat}, or {@code llm} for what the model chose). Destructive actions wait for the user's own
 * "yes" in the next turn; questions back remember what each answer means.
 */
@Singleton
public class Assistant {
    private static final Logger LOG = Logger.getLogger(Assistant.class);
    public static final String CHAT_DOOR = "chat";
    private static final Pattern ORDINAL = Pattern.compile(
            "(?i)^(?:the\\s+)?(?:number\\s+|#|no\\.?\\s*)?(\\d{1,2}|first|second|third|fourth|fifth|sixth|last)(?:\\s+one)?$");
    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth");
    private static final Map<String, String> SYNONYMS = Map.of(
            "movie",
            "film",
            "show",
            "series",
            "tv",
            "series",
            "tv show",
            "series",
            "kb",
            "KB/s",
            "kilobytes",
            "KB/s",
            "mb",
            "MB/s",
            "megabytes",
            "MB/s");

    private final ActionCatalog catalog;
    private final ActionTools tools;
    private final ConfigService config;
    private final ObjectMapper json;
    private final Clock clock;
    private final AssistantConfig settings;
    private final Conversations conversations;
    private final AssistantMeters meters;
    private final @Nullable ToolLoop model;
    private final SecureRandom random = new SecureRandom();
    private volatile @Nullable Map<String, Set<String>> params;

    public Assistant(
            ActionCatalog catalog,
            ActionTools tools,
            ConfigService config,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry,
            HttpStack http) {
        this.catalog = catalog;
        this.tools = tools;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.settings = config.current().section(AssistantConfig.class);
        this.conversations = new Conversations(settings.memoryTurns(), settings.maxConversations());
        LlmProvider provider = provider(settings, http);
        this.meters = new AssistantMeters(
                registry,
                settings.provider(),
                provider == null ? "" : provider.model(),
                settings.inputCostPerMillionTokens(),
                settings.outputCostPerMillionTokens());
        this.model = provider == null
                ? null
                : new ToolLoop(
                        provider, tools, catalog, json, meters, settings.maxTurns(), settings.maxTokens(), clock);
    }

    static @Nullable LlmProvider provider(AssistantConfig a, HttpStack http) {
        return switch (a.provider()) {
            case "anthropic" ->
                new AnthropicProvider(
                        http,
                        URI.create(a.apiBaseUrl().isEmpty() ? AnthropicProvider.DEFAULT_BASE : a.apiBaseUrl()),
                        a.apiKey(),
                        a.model(),
                        a.timeout());
            case "openai" ->
                new OpenAiProvider(
                        http,
                        URI.create(a.apiBaseUrl().isEmpty() ? OpenAiProvider.DEFAULT_BASE : a.apiBaseUrl()),
                        a.apiKey(),
                        a.model(),
                        a.timeout());
            default -> null;
        };
    }

    /** {@code offline}, {@code anthropic} or {@code openai}: who reads the messages. */
    public String provider() {
        return settings.provider();
    }

    public Reply handle(Turn turn) {
        Conversation c = conversations.get(key(turn.caller(), turn.conversation()));
        c.lock().lock();
        try {
            Answer a = answer(turn, c);
            Instant now = clock.instant();
            c.remember(
                    new HistoryEntry(
                            "user", turn.text().isBlank() && turn.confirm() != null ? "(confirmed)" : turn.text(), now),
                    false);
            c.remember(new HistoryEntry("assistant", a.reply().message(), now), a.tainted());
            meters.message(a.reply().status().id());
            return a.reply();
        } finally {
            c.lock().unlock();
        }
    }

    /** What a conversation remembers, oldest first: the dashboard's chat box draws it after a reload. */
    public List<HistoryEntry> history(Caller caller, String conversation) {
        Conversation c = conversations.get(key(caller, conversation));
        c.lock().lock();
        try {
            return c.history();
        } finally {
            c.lock().unlock();
        }
    }

    private record Answer(Reply reply, boolean tainted) {}

    private Answer answer(Turn turn, Conversation c) {
        Instant now = clock.instant();
        Conversation.Pending pending = c.pending(now);
        if (turn.confirm() != null) {
            if (pending == null || !pending.id().equals(turn.confirm())) {
                return plain(
                        Reply.Status.ERROR,
                        "That confirmation is no longer open (it was answered, replaced or it expired). Nothing was run.");
            }
            c.clearPending();
            return plain(run(pending.invoke(), turn.caller(), pending.door()));
        }
        Intent intent = IntentParser.parse(turn.text());
        String note = "";
        if (pending != null) {
            c.clearPending();
            if (intent instanceof Intent.Confirm) return plain(run(pending.invoke(), turn.caller(), pending.door()));
            if (intent instanceof Intent.Deny)
                return plain(
                        Reply.Status.CANCELLED,
                        "OK, I won't " + pending.invoke().summary() + ".");
            note = "(I dropped the question about “" + pending.invoke().summary() + "”: you asked something else.) ";
        }
        Conversation.Question question = c.question(now);
        if (question != null) {
            c.clearQuestion();
            Plan chosen = choose(question.ask(), turn.text());
            if (chosen != null) return plain(execute(chosen, turn, c, CHAT_DOOR));
            if (intent instanceof Intent.Deny) return plain(Reply.Status.CANCELLED, "OK, never mind.");
        }
        if (model == null || intent instanceof Intent.Confirm || intent instanceof Intent.Deny) {
            Planner planner = new Planner(
                    new CatalogVocabulary(catalog, json, turn.caller(), CHAT_DOOR, this::categories), known());
            return prefixed(note, plain(execute(planner.plan(intent), turn, c, CHAT_DOOR)));
        }
        return prefixed(note, modelTurn(turn, c));
    }

    private Answer modelTurn(Turn turn, Conversation c) {
        ToolLoop model = java.util.Objects.requireNonNull(this.model, "modelTurn runs only when a model is configured");
        List<HistoryEntry> history = c.history();
        return switch (model.run(turn.caller(), turn.text(), history, c.tainted())) {
            case ToolLoop.Outcome.Answered a -> new Answer(a.reply(), a.tainted());
            case ToolLoop.Outcome.Proposed p -> {
                boolean destructive = catalog.spec(p.invoke().action()).destructive();
                String why = destructive
                        ? "That is destructive, so I need your yes first."
                        : "The model decided this after reading data from the server, which can hold text meant to mislead it, so I need your yes first.";
                yield new Answer(
                        propose(
                                c,
                                p.invoke(),
                                p.door(),
                                "The model asks to run " + p.invoke().summary() + ". " + why
                                        + " Reply yes to go ahead, or no to cancel."),
                        p.tainted());
            }
        };
    }

    /** Carries out a plan of the offline parser (or an answer to a question back). */
    private Reply execute(Plan plan, Turn turn, Conversation c, String door) {
        Caller caller = turn.caller();
        return switch (plan) {
            case Plan.Invoke inv -> {
                ActionSpec spec = catalog.spec(inv.action());
                if (spec.destructive() && caller.may(spec.role())) {
                    yield propose(
                            c,
                            inv,
                            door,
                            capital(inv.summary())
                                    + "? That can't simply be undone: reply yes to go ahead, or no to cancel.");
                }
                yield run(inv, caller, door);
            }
            case Plan.Ask ask -> {
                c.ask(new Conversation.Question(ask, clock.instant().plus(settings.confirmationTtl())));
                yield new Reply(
                        Reply.Status.NEEDS_CLARIFICATION,
                        ask.question(),
                        null,
                        JsonNodeFactory.instance.objectNode(),
                        null,
                        ask.choices().stream().map(Plan.Choice::label).toList());
            }
            case Plan.Answer a -> Reply.of(Reply.Status.SUCCESS, a.text());
            case Plan.Help h -> Reply.of(Reply.Status.SUCCESS, help(caller.role()));
            case Plan.Refuse r -> Reply.of(Reply.Status.REFUSED, r.reason());
            case Plan.NotAvailable na ->
                new Reply(Reply.Status.NOT_AVAILABLE, na.message(), null, na.understood(), null, List.of());
            case Plan.Confirm y -> Reply.of(Reply.Status.SUCCESS, "Nothing is waiting for a yes right now.");
            case Plan.Deny n -> Reply.of(Reply.Status.SUCCESS, "Nothing to cancel.");
        };
    }

    private Reply propose(Conversation c, Plan.Invoke inv, String door, String prompt) {
        String id = HexFormat.of().formatHex(bytes());
        Instant expires = clock.instant().plus(settings.confirmationTtl());
        c.propose(new Conversation.Pending(id, inv, door, prompt, expires));
        return new Reply(
                Reply.Status.NEEDS_CONFIRMATION,
                prompt,
                inv.action(),
                inv.params(),
                new Reply.Confirmation(id, prompt, inv.action(), inv.params(), expires),
                List.of("yes", "no"));
    }

    private byte[] bytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    /** Runs one action through the catalog and says how it went, in plain words. */
    private Reply run(Plan.Invoke inv, Caller caller, String door) {
        try {
            Object result = catalog.invoke(inv.action(), inv.params().deepCopy(), caller, door);
            JsonNode node = result == null ? JsonNodeFactory.instance.objectNode() : json.valueToTree(result);
            return new Reply(
                    Reply.Status.SUCCESS,
                    Renderer.render(inv.action(), node, inv.focus()),
                    inv.action(),
                    node,
                    null,
                    List.of());
        } catch (ApiException e) {
            ObjectNode details =
                    JsonNodeFactory.instance.objectNode().put("code", e.code().name());
            details.set("details", json.valueToTree(e.details()));
            Reply.Status status = e.code() == ErrorCode.FORBIDDEN ? Reply.Status.REFUSED : Reply.Status.ERROR;
            String message = e.code() == ErrorCode.FORBIDDEN
                    ? "You can't " + inv.summary() + ": that needs the "
                            + e.details().getOrDefault("required_role", "a higher") + " role and you are "
                            + caller.role().id() + "."
                    : "I couldn't " + inv.summary() + ": " + e.getMessage();
            return new Reply(status, message, inv.action(), details, null, List.of());
        } catch (RuntimeException e) {
            LOG.errorf(e, "assistant: %s failed", inv.action());
            return new Reply(
                    Reply.Status.ERROR,
                    "Something went wrong while trying to " + inv.summary() + "; Hearth's log has the details.",
                    inv.action(),
                    JsonNodeFactory.instance.objectNode(),
                    null,
                    List.of());
        }
    }

    /** The choice an answer names: its label, a number or "the second one", or a close spelling of a label. */
    static @Nullable Plan choose(Plan.Ask ask, String text) {
        String t = text.trim().replaceAll("[.!?]+$", "").trim();
        if (t.isEmpty()) return null;
        List<Plan.Choice> choices = ask.choices();
        Matcher m = ORDINAL.matcher(t);
        if (m.matches()) {
            String o = m.group(1).toLowerCase(Locale.ROOT);
            int index = o.equals("last")
                    ? choices.size() - 1
                    : o.matches("\\d+") ? Integer.parseInt(o) - 1 : ORDINALS.indexOf(o);
            return index >= 0 && index < choices.size() ? choices.get(index).plan() : null;
        }
        String wanted = SYNONYMS.getOrDefault(t.toLowerCase(Locale.ROOT), t);
        for (Plan.Choice c : choices) {
            if (NameMatcher.squash(c.label()).equals(NameMatcher.squash(wanted))) return c.plan();
        }
        List<dev.hearth.assistant.internal.Vocabulary.Named> named = choices.stream()
                .map(c -> new dev.hearth.assistant.internal.Vocabulary.Named(c.label(), c.label()))
                .toList();
        NameMatcher.Match match = NameMatcher.match(wanted, named, 0.8);
        if (!match.unique()) return null;
        String label = match.best().id();
        return choices.stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .map(Plan.Choice::plan)
                .orElse(null);
    }

    private Known known() {
        Map<String, Set<String>> p = params;
        if (p == null) {
            p = new LinkedHashMap<>();
            for (ActionSpec spec : catalog.list())
                p.put(
                        spec.id(),
                        spec.params().stream().map(ActionSpec.Param::name).collect(Collectors.toSet()));
            params = p;
        }
        Map<String, Set<String>> all = p;
        // Finding a title needs a manager or an indexer: without one the parser answers plainly instead of asking
        // "film or series?" for an action that can only fail.
        return id -> all.containsKey(id) && catalog.ready(id) ? Optional.of(all.get(id)) : Optional.empty();
    }

    private List<String> categories() {
        return config.current().section(DownloadsConfig.class).categories().keySet().stream()
                .sorted()
                .toList();
    }

    private static String help(Role role) {
        StringBuilder b = new StringBuilder("I understand plain sentences like these:\n")
                .append("• status — how Hearth, the host and the services are\n")
                .append("• list services · is plex running?\n")
                .append("• what is downloading?\n")
                .append("• alerts\n")
                .append("• how much disk space is left? · cpu · memory\n")
                .append("• logs");
        if (role.includes(Role.OPERATOR)) {
            b.append(" · plex logs\n")
                    .append("• start / stop / restart plex\n")
                    .append("• download <magnet or http(s) link> [to <category>]\n")
                    .append("• pause / resume / cancel <download>\n")
                    .append("• acknowledge alert-12");
        } else {
            b.append(
                    "\nYou are a viewer: I can tell you how things are, but starting, stopping or downloading needs the operator role.");
        }
        if (role.includes(Role.ADMIN)) b.append("\n• remove the <service> container");
        b.append("\nStopping or removing things asks for your yes first. Say \"no\" to cancel a question.");
        return b.toString();
    }

    private static String key(Caller caller, String conversation) {
        return caller.id() + "\u0000" + conversation;
    }

    private static Answer plain(Reply reply) {
        return new Answer(reply, false);
    }

    private static Answer plain(Reply.Status status, String message) {
        return new Answer(Reply.of(status, message), false);
    }

    private static Answer prefixed(String note, Answer a) {
        if (note.isEmpty()) return a;
        Reply r = a.reply();
        return new Answer(
                new Reply(r.status(), note + r.message(), r.action(), r.details(), r.confirmation(), r.choices()),
                a.tainted());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Forgets every conversation (maintenance's clear_cache); answers how many. */
    public int forgetConversations() {
        return conversations.clear();
    }
}
