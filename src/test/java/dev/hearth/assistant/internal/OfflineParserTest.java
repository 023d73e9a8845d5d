package dev.hearth.assistant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The offline parser and planner against the table in {@code phrasings.tsv}: every phrasing with the action and
 * parameters it must lead to, or the question back, the refusal or the answer. The world is fixed (services,
 * downloads, alerts, categories); one column of rows runs where a media manager exists.
 */
public class OfflineParserTest {
    static final List<Vocabulary.Named> SERVICES = List.of(
            new Vocabulary.Named("plex", "Plex Media Server"),
            new Vocabulary.Named("jellyfin", "Jellyfin"),
            new Vocabulary.Named("qbittorrent", "qBittorrent"),
            new Vocabulary.Named("sonarr", "Sonarr"),
            new Vocabulary.Named("radarr", "Radarr"),
            new Vocabulary.Named("home-assistant", "Home Assistant"),
            new Vocabulary.Named("pihole", "Pi-hole"),
            new Vocabulary.Named("nginx", "nginx"),
            new Vocabulary.Named("nextcloud", "Nextcloud"));
    static final List<Vocabulary.Named> TASKS = List.of(
            new Vocabulary.Named("qbit:u1", "Ubuntu 24.04 Desktop amd64"),
                    new Vocabulary.Named("qbit:b2", "Big Buck Bunny 1080p"),
            new Vocabulary.Named("qbit:d3", "Debian 12 netinst"),
                    new Vocabulary.Named("aria:a4", "archlinux-2026.12.01-x86_64.iso"));
    static final List<Vocabulary.Named> ALERTS = List.of(
            new Vocabulary.Named("alert-3", "Disk / is 96 % full"),
            new Vocabulary.Named("alert-7", "Service plex is down"));
    public static final Vocabulary WORLD = new Vocabulary() {
        public List<Named> services() {
            return SERVICES;
        }

        public List<Named> tasks() {
            return TASKS;
        }

        public List<Named> openAlerts() {
            return ALERTS;
        }

        public List<String> categories() {
            return List.of("movies", "tv", "isos");
        }
    };
    /** The catalog's ids as this Hearth declares them, with their parameters. */
    static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("system.status", Set.of()),
            Map.entry("system.logs", Set.of("level", "limit")),
            Map.entry("services.list", Set.of()),
            Map.entry("services.status", Set.of("name")),
            Map.entry("services.logs", Set.of("name", "lines")),
            Map.entry("services.start", Set.of("name")),
            Map.entry("services.stop", Set.of("name")),
            Map.entry("services.restart", Set.of("name")),
            Map.entry("services.remove", Set.of("name")),
            Map.entry("downloads.add", Set.of("url", "category", "client", "destination")),
            Map.entry("tasks.list", Set.of("status", "limit")),
            Map.entry("tasks.pause", Set.of("task_id")),
            Map.entry("tasks.resume", Set.of("task_id")),
            Map.entry("tasks.remove", Set.of("task_id", "delete_data")),
            Map.entry("alerts.list", Set.of("state", "limit")),
            Map.entry("alerts.acknowledge", Set.of("id")),
            Map.entry("monitoring.host", Set.of()));

    public static final Known WITHOUT_MEDIA = id -> Optional.ofNullable(ACTIONS.get(id));
    static final Known WITH_MEDIA = id -> id.equals(Planner.MEDIA_DOWNLOAD)
            ? Optional.of(Set.of("title", "year", "kind"))
            : Optional.ofNullable(ACTIONS.get(id));

    record Row(int line, String phrase, String expected, boolean media) {}

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = OfflineParserTest.class.getResourceAsStream("/dev/hearth/assistant/phrasings.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] cells = line.split("\t", 2);
                String phrase = cells[0];
                boolean media = phrase.startsWith("media:");
                rows.add(new Row(i + 1, media ? phrase.substring("media:".length()) : phrase, cells[1].trim(), media));
            }
        }
        return rows;
    }

    @Test
    void theTableHasAtLeast150PhrasingsCoveringEveryKindOfOutcome() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 150, "only " + rows.size() + " phrasings");
        Set<String> kinds = rows.stream()
                .map(r -> r.expected().split(" ")[0])
                .map(k -> k.contains(".") ? "action" : k)
                .collect(Collectors.toSet());
        assertTrue(
                kinds.containsAll(
                        Set.of("action", "ask", "refuse", "unavailable", "help", "confirm", "deny", "answer")),
                kinds.toString());
    }

    @Test
    void everyPhrasingLeadsToItsExpectedPlan() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            Plan plan =
                    new Planner(WORLD, row.media() ? WITH_MEDIA : WITHOUT_MEDIA).plan(IntentParser.parse(row.phrase()));
            String got = describe(plan);
            if (!matches(row.expected(), plan, got)) {
                wrong.add("line " + row.line() + ": \"" + row.phrase() + "\" expected [" + row.expected() + "] got ["
                        + got + "]  (" + IntentParser.parse(row.phrase()) + ")");
            }
        }
        assertEquals("", String.join("\n", wrong), wrong.size() + " phrasings went wrong");
    }

    @Test
    void anAnswerToAQuestionRunsTheChoiceItNames() {
        Plan plan = new Planner(WORLD, WITHOUT_MEDIA).plan(IntentParser.parse("stop ubuntu"));
        Plan.Ask ask = (Plan.Ask) plan;
        assertEquals(
                List.of("pause", "cancel"),
                ask.choices().stream().map(Plan.Choice::label).toList());
        assertEquals("tasks.remove", ((Plan.Invoke) ask.choices().get(1).plan()).action());
    }

    /** "action k=v", "ask ~choice", "unavailable k=v", or the bare kind. */
    static boolean matches(String expected, Plan plan, String got) {
        String[] parts = expected.split(" (?=[~a-z_]+=|~)");
        String head = parts[0];
        Map<String, String> want = new TreeMap<>();
        List<String> choices = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("~")) choices.add(parts[i].substring(1).trim());
            else
                want.put(
                        parts[i].substring(0, parts[i].indexOf('=')),
                        parts[i].substring(parts[i].indexOf('=') + 1).trim());
        }
        return switch (plan) {
            case Plan.Invoke inv -> head.equals(inv.action()) && want.equals(params(inv.params(), inv.focus()));
            case Plan.Ask ask ->
                head.equals("ask")
                        && ask.choices().stream()
                                .map(Plan.Choice::label)
                                .toList()
                                .containsAll(choices);
            case Plan.NotAvailable na -> head.equals("unavailable") && want.equals(params(na.understood(), null));
            default -> head.equals(got);
        };
    }

    static Map<String, String> params(ObjectNode node, String focus) {
        Map<String, String> out = new TreeMap<>();
        node.fields()
                .forEachRemaining(e -> out.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        if (focus != null) out.put("focus", focus);
        return out;
    }

    static String describe(Plan plan) {
        return switch (plan) {
            case Plan.Invoke inv -> inv.action() + " " + params(inv.params(), inv.focus());
            case Plan.Ask ask ->
                "ask " + ask.choices().stream().map(Plan.Choice::label).toList() + " " + ask.question();
            case Plan.Answer a -> "answer";
            case Plan.Help h -> "help";
            case Plan.Refuse r -> "refuse";
            case Plan.NotAvailable na -> "unavailable " + params(na.understood(), null);
            case Plan.Confirm c -> "confirm";
            case Plan.Deny d -> "deny";
        };
    }
}
