package dev.hearth.assistant.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.assistant.internal.Intent.ServiceVerb;
import dev.hearth.assistant.internal.Intent.TaskVerb;
import dev.hearth.assistant.internal.Plan.Ask;
import dev.hearth.assistant.internal.Plan.Choice;
import dev.hearth.assistant.internal.Plan.Invoke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link Intent} into a {@link Plan}: names matched against what exists (services, downloads, alerts,
 * categories), one action chosen, or a question back with the choices it understands.
 */
public final class Planner {
    /** The action a title download maps to; the media feature declares it. */
    public static final String MEDIA_DOWNLOAD = "media.download";

    private static final int MAX_CHOICES = 25;
    private static final Set<String> ALL_WORDS = Set.of(
            "all",
            "everything",
            "all of them",
            "every",
            "all services",
            "everything running",
            "all downloads",
            "all torrents",
            "all alerts",
            "them all",
            "each");
    private static final Pattern ALERT_ID =
            Pattern.compile("(?i)^(?:alert[- #]?|#|no\\.?\\s*|number\\s+)?(\\d{1,12})$");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Vocabulary vocabulary;
    private final Known known;

    public Planner(Vocabulary vocabulary, Known known) {
        this.vocabulary = vocabulary;
        this.known = known;
    }

    public Plan plan(Intent intent) {
        return switch (intent) {
            case Intent.Status s -> invoke("system.status", F.objectNode(), "show the status", null);
            case Intent.ListServices s -> invoke("services.list", F.objectNode(), "list the services", null);
            case Intent.ServiceStatus s -> serviceStatus(s.target());
            case Intent.ServiceControl s -> serviceControl(s.verb(), s.target());
            case Intent.Remove r -> remove(r.target(), r.deleteData());
            case Intent.DownloadLink d -> downloadLink(d.url(), d.category());
            case Intent.DownloadTitle d -> downloadTitle(d);
            case Intent.ListDownloads d ->
                invoke("tasks.list", F.objectNode().put("status", "active"), "list the downloads", null);
            case Intent.TaskControl t -> taskControl(t.verb(), t.target(), t.deleteData());
            case Intent.Alerts a -> invoke("alerts.list", F.objectNode(), "list the open alerts", null);
            case Intent.Acknowledge a -> acknowledge(a.target());
            case Intent.Host h ->
                invoke(
                        "monitoring.host",
                        F.objectNode(),
                        "show the host's figures",
                        h.metric().name().toLowerCase(Locale.ROOT));
            case Intent.Logs l -> logs(l.target());
            case Intent.SpeedLimit l -> speedLimit(l);
            case Intent.Help h -> new Plan.Help();
            case Intent.Greeting g ->
                new Plan.Answer("Hello! Ask me for the status, the services, what is downloading, or say \"help\".");
            case Intent.Thanks t -> new Plan.Answer("You're welcome.");
            case Intent.Confirm c -> new Plan.Confirm();
            case Intent.Deny d -> new Plan.Deny();
            case Intent.Refuse r -> new Plan.Refuse(r.reason());
            case Intent.Bare b -> bare(b.text());
            case Intent.Unknown u -> unknown(u.text());
        };
    }

    // ---- services -----------------------------------------------------------------------------------

    private Plan serviceControl(ServiceVerb verb, String target) {
        String word = verb.name().toLowerCase(Locale.ROOT);
        String action = "services." + word;
        if (target.isEmpty() || ALL_WORDS.contains(target.toLowerCase(Locale.ROOT))) {
            List<Vocabulary.Named> all = vocabulary.services();
            if (all.isEmpty()) return new Plan.Answer("No services are set up on this Hearth yet.");
            String lead = target.isEmpty()
                    ? capital(word) + " which service?"
                    : "I " + word + " one service at a time. Which one?";
            return ask(lead + " " + names(all), all, s -> serviceInvoke(action, word, s.id()));
        }
        NameMatcher.Match m = NameMatcher.match(target, vocabulary.services());
        if (m.unique()) return serviceInvoke(action, word, m.best().id());
        if (!m.none())
            return ask(
                    "Which one do you mean: " + orList(m.found()) + "?",
                    m.found(),
                    s -> serviceInvoke(action, word, s.id()));
        // not a service: perhaps a download ("stop ubuntu", "restart the ubuntu torrent")
        NameMatcher.Match task = NameMatcher.match(target, vocabulary.tasks());
        if (task.unique()) {
            Vocabulary.Named t = task.best();
            return switch (verb) {
                case STOP ->
                    new Ask(
                            "“" + t.label() + "” is a download. Pause it or cancel it?",
                            List.of(
                                    new Choice("pause", taskInvoke(TaskVerb.PAUSE, t, false)),
                                    new Choice("cancel", taskInvoke(TaskVerb.CANCEL, t, false))));
                case START, RESTART -> taskInvoke(TaskVerb.RESUME, t, false);
            };
        }
        List<Vocabulary.Named> all = vocabulary.services();
        if (all.isEmpty())
            return new Plan.Answer("No services are set up on this Hearth, so there is nothing called “" + target
                    + "” to " + word + ".");
        return ask(
                "I don't know a service called “" + target + "”. " + names(all) + " Which one?",
                all,
                s -> serviceInvoke(action, word, s.id()));
    }

    private Plan serviceInvoke(String action, String word, String name) {
        return invoke(action, F.objectNode().put("name", name), word + " the service “" + name + "”", null);
    }

    private Plan serviceStatus(String target) {
        NameMatcher.Match m = NameMatcher.match(target, vocabulary.services());
        if (m.unique()) return statusOf(m.best().id());
        if (!m.none())
            return ask("Which one do you mean: " + orList(m.found()) + "?", m.found(), s -> statusOf(s.id()));
        NameMatcher.Match task = NameMatcher.match(target, vocabulary.tasks());
        if (task.unique())
            return invoke(
                    "tasks.list",
                    F.objectNode().put("status", "all"),
                    "list the downloads",
                    "task:" + task.best().id());
        List<Vocabulary.Named> all = vocabulary.services();
        if (all.isEmpty()) return new Plan.Answer("No services are set up on this Hearth yet.");
        return ask(
                "I don't know a service called “" + target + "”. " + names(all) + " Which one?",
                all,
                s -> statusOf(s.id()));
    }

    private Plan statusOf(String name) {
        return invoke("services.status", F.objectNode().put("name", name), "show the status of “" + name + "”", null);
    }

    private Plan bare(String text) {
        NameMatcher.Match m = NameMatcher.match(text, vocabulary.services(), 0.8);
        if (m.unique()) return statusOf(m.best().id());
        if (!m.none())
            return ask("Which one do you mean: " + orList(m.found()) + "?", m.found(), s -> statusOf(s.id()));
        return unknown(text);
    }

    private Plan remove(String target, boolean deleteData) {
        String plain = target.replaceFirst("(?i)\\s+(?:container|download|torrent|task)$", "");
        NameMatcher.Match task = NameMatcher.match(plain, vocabulary.tasks());
        NameMatcher.Match service = NameMatcher.match(plain, vocabulary.services());
        boolean saysContainer = target.toLowerCase(Locale.ROOT).matches(".*\\b(?:container|service)$");
        if (service.unique() && (saysContainer || task.none())) {
            String name = service.best().id();
            return invoke(
                    "services.remove",
                    F.objectNode().put("name", name),
                    "remove the container of the service “" + name + "”",
                    null);
        }
        if (task.unique()) return taskInvoke(TaskVerb.CANCEL, task.best(), deleteData);
        if (!task.none())
            return ask(
                    "Which download: " + orList(task.found()) + "?",
                    task.found(),
                    t -> taskInvoke(TaskVerb.CANCEL, t, deleteData));
        return new Plan.Answer("I found no download or service called “" + target + "”, so nothing was removed.");
    }

    // ---- downloads ----------------------------------------------------------------------------------

    private Plan taskControl(TaskVerb verb, String target, boolean deleteData) {
        String word = switch (verb) {
            case PAUSE -> "pause";
            case RESUME -> "resume";
            case CANCEL -> "cancel";
        };
        List<Vocabulary.Named> tasks = vocabulary.tasks();
        if (target.isEmpty() || ALL_WORDS.contains(target.toLowerCase(Locale.ROOT))) {
            if (tasks.isEmpty()) return new Plan.Answer("There are no downloads to " + word + ".");
            String lead = target.isEmpty()
                    ? capital(word) + " which download?"
                    : "I " + word + " one download at a time. Which one?";
            return ask(lead, tasks, t -> taskInvoke(verb, t, deleteData));
        }
        NameMatcher.Match m = NameMatcher.match(target, tasks);
        if (m.unique()) return taskInvoke(verb, m.best(), deleteData);
        if (!m.none())
            return ask("Which download: " + orList(m.found()) + "?", m.found(), t -> taskInvoke(verb, t, deleteData));
        NameMatcher.Match service = NameMatcher.match(target, vocabulary.services());
        if (service.unique() && verb != TaskVerb.RESUME) {
            String name = service.best().id();
            return new Ask(
                    "“" + name + "” is a service, not a download: services can't be paused. Stop it or restart it?",
                    List.of(
                            new Choice("stop", serviceInvoke("services.stop", "stop", name)),
                            new Choice("restart", serviceInvoke("services.restart", "restart", name))));
        }
        if (service.unique())
            return serviceInvoke("services.start", "start", service.best().id());
        if (tasks.isEmpty())
            return new Plan.Answer("There are no downloads, so nothing called “" + target + "” to " + word + ".");
        return ask("No download matches “" + target + "”. Which one?", tasks, t -> taskInvoke(verb, t, deleteData));
    }

    private Plan taskInvoke(TaskVerb verb, Vocabulary.Named task, boolean deleteData) {
        ObjectNode params = F.objectNode().put("task_id", task.id());
        return switch (verb) {
            case PAUSE -> invoke("tasks.pause", params, "pause the download “" + task.label() + "”", null);
            case RESUME -> invoke("tasks.resume", params, "resume the download “" + task.label() + "”", null);
            case CANCEL ->
                invoke(
                        "tasks.remove",
                        deleteData ? params.put("delete_data", true) : params,
                        "cancel the download “" + task.label() + "”" + (deleteData ? " and delete its files" : ""),
                        null);
        };
    }

    private Plan downloadLink(String url, @Nullable String category) {
        ObjectNode params = F.objectNode().put("url", url);
        String what = url.startsWith("magnet:") ? "the magnet link" : "the link";
        if (category == null) return invoke("downloads.add", params, "download " + what, null);
        List<String> categories = vocabulary.categories();
        if (categories.isEmpty())
            return invoke(
                    "downloads.add",
                    params.put("category", category),
                    "download " + what + " into “" + category + "”",
                    null);
        NameMatcher.Match m = NameMatcher.match(
                category,
                categories.stream().map(c -> new Vocabulary.Named(c, c)).toList());
        if (m.unique())
            return invoke(
                    "downloads.add",
                    params.put("category", m.best().id()),
                    "download " + what + " into “" + m.best().id() + "”",
                    null);
        List<Vocabulary.Named> options =
                categories.stream().map(c -> new Vocabulary.Named(c, c)).toList();
        return ask(
                "There is no category “" + category + "”. Which one: " + String.join(", ", categories) + "?",
                options,
                c -> invoke(
                        "downloads.add",
                        params.deepCopy().put("category", c.id()),
                        "download " + what + " into “" + c.id() + "”",
                        null));
    }

    private Plan downloadTitle(Intent.DownloadTitle d) {
        String title = d.title();
        String category = null;
        if (d.splitCategory() != null) {
            List<String> categories = vocabulary.categories();
            NameMatcher.Match m = NameMatcher.match(
                    d.splitCategory(),
                    categories.stream().map(c -> new Vocabulary.Named(c, c)).toList());
            if (m.unique()) {
                title = d.splitTitle();
                category = m.best().id();
            } else if (d.categoryMarked()) {
                title = d.splitTitle();
                category = d.splitCategory();
            }
        }
        ObjectNode understood = F.objectNode().put("title", title);
        if (d.year() != null) understood.put("year", d.year());
        if (d.kind() != null) understood.put("kind", d.kind());
        if (category != null) understood.put("category", category);
        var params = known.params(MEDIA_DOWNLOAD);
        if (params.isEmpty()) {
            return new Plan.NotAvailable(
                    "No media manager or indexer is set up on this Hearth, so I can't find “" + title
                            + "” by its title. " + "Send me a magnet link or an http(s) link and I'll download that.",
                    understood);
        }
        Set<String> accepts = params.get();
        ObjectNode call = F.objectNode();
        understood.fields().forEachRemaining(e -> {
            if (accepts.contains(e.getKey())) call.set(e.getKey(), e.getValue());
        });
        String shown = "“" + title + "”" + (d.year() != null ? " (" + d.year() + ")" : "");
        if (d.kind() == null && accepts.contains("kind")) {
            return new Ask(
                    "Is " + shown + " a film or a series?",
                    List.of(
                            new Choice(
                                    "film",
                                    invoke(
                                            MEDIA_DOWNLOAD,
                                            call.deepCopy().put("kind", "movie"),
                                            "find and download the film " + shown,
                                            null)),
                            new Choice(
                                    "series",
                                    invoke(
                                            MEDIA_DOWNLOAD,
                                            call.deepCopy().put("kind", "series"),
                                            "find and download the series " + shown,
                                            null))));
        }
        return invoke(MEDIA_DOWNLOAD, call, "find and download " + shown, null);
    }

    private Plan speedLimit(Intent.SpeedLimit l) {
        String direction = l.direction() == Intent.Direction.UPLOAD ? "upload" : "download";
        if (l.bytesPerSecond() < 0) {
            if (l.amount() > 0) {
                String n = l.amount() == Math.rint(l.amount())
                        ? String.valueOf((long) l.amount())
                        : String.valueOf(l.amount());
                return new Ask(
                        n + " what: KB/s or MB/s?",
                        List.of(
                                new Choice(
                                        "KB/s",
                                        speedLimit(new Intent.SpeedLimit(
                                                l.direction(), Math.round(l.amount() * 1e3), l.amount(), "KB/s"))),
                                new Choice(
                                        "MB/s",
                                        speedLimit(new Intent.SpeedLimit(
                                                l.direction(), Math.round(l.amount() * 1e6), l.amount(), "MB/s")))));
            }
            return new Plan.Answer(
                    "Limit " + direction + "s to how much? Say for example \"limit " + direction + "s to 5 MB/s\".");
        }
        ObjectNode understood = F.objectNode().put("direction", direction).put("bytes_per_second", l.bytesPerSecond());
        return new Plan.NotAvailable(
                "I understood: " + direction + " speed limit " + Rates.human(l.bytesPerSecond())
                        + (l.bytesPerSecond() > 0
                                ? " (" + String.format(Locale.ROOT, "%,d", l.bytesPerSecond()) + " bytes a second)"
                                : "")
                        + ". Hearth has no action for speed limits yet, so nothing was changed.",
                understood);
    }

    // ---- alerts and logs ----------------------------------------------------------------------------

    private Plan acknowledge(String target) {
        Matcher id = ALERT_ID.matcher(target.trim());
        if (id.matches())
            return ackInvoke("alert-" + Long.parseLong(id.group(1)), "alert-" + Long.parseLong(id.group(1)));
        List<Vocabulary.Named> open = vocabulary.openAlerts();
        if (open.isEmpty()) return new Plan.Answer("There are no open alerts to acknowledge.");
        if (target.isEmpty() && open.size() == 1)
            return ackInvoke(open.getFirst().id(), open.getFirst().label());
        if (target.isEmpty() || ALL_WORDS.contains(target.toLowerCase(Locale.ROOT))) {
            return ask(
                    (target.isEmpty() ? "Acknowledge which alert?" : "I acknowledge one alert at a time. Which one?"),
                    open,
                    a -> ackInvoke(a.id(), a.label()));
        }
        NameMatcher.Match m = NameMatcher.match(target, open);
        if (m.unique()) return ackInvoke(m.best().id(), m.best().label());
        if (!m.none())
            return ask("Which alert: " + orList(m.found()) + "?", m.found(), a -> ackInvoke(a.id(), a.label()));
        return ask("No open alert matches “" + target + "”. Which one?", open, a -> ackInvoke(a.id(), a.label()));
    }

    private Plan ackInvoke(String id, String label) {
        return invoke(
                "alerts.acknowledge",
                F.objectNode().put("id", id),
                "acknowledge " + id + (label.equals(id) ? "" : " (" + label + ")"),
                null);
    }

    private Plan logs(String target) {
        if (target.isEmpty()) return invoke("system.logs", F.objectNode().put("limit", 20), "show Hearth's log", null);
        NameMatcher.Match m = NameMatcher.match(target, vocabulary.services());
        if (m.unique()) return logsOf(m.best().id());
        List<Vocabulary.Named> options = m.none() ? vocabulary.services() : m.found();
        if (options.isEmpty())
            return new Plan.Answer("No services are set up on this Hearth, so there is no log of “" + target + "”.");
        return ask(
                (m.none() ? "I don't know a service called “" + target + "”. " : "") + "Whose log: " + orList(options)
                        + "?",
                options,
                s -> logsOf(s.id()));
    }

    private Plan logsOf(String name) {
        return invoke(
                "services.logs",
                F.objectNode().put("name", name).put("lines", 20),
                "show the log of “" + name + "”",
                null);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Plan invoke(String action, ObjectNode params, String summary, @Nullable String focus) {
        if (!known.exists(action)) {
            return new Plan.NotAvailable(
                    "This Hearth has no action “" + action + "”, so I can't " + summary + ".",
                    F.objectNode().put("action", action));
        }
        return new Invoke(action, params, summary, focus);
    }

    private Plan unknown(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return new Ask(
                (shown.isEmpty() ? "What should I do?" : "I didn't understand “" + shown + "”.")
                        + " I can show the status, list services, start, stop or restart one, download a magnet or a link, "
                        + "pause, resume or cancel a download, show alerts and disk, CPU or memory. Say \"help\" for more.",
                List.of(
                        new Choice("status", plan(new Intent.Status())),
                                new Choice("services", plan(new Intent.ListServices())),
                        new Choice("downloads", plan(new Intent.ListDownloads())),
                                new Choice("help", new Plan.Help())));
    }

    private static Ask ask(String question, List<Vocabulary.Named> options, Function<Vocabulary.Named, Plan> planFor) {
        List<Choice> choices = new ArrayList<>();
        for (Vocabulary.Named o : options.subList(0, Math.min(options.size(), MAX_CHOICES)))
            choices.add(new Choice(o.label(), planFor.apply(o)));
        return new Ask(question, choices);
    }

    private static String names(List<Vocabulary.Named> all) {
        List<String> shown =
                all.stream().limit(MAX_CHOICES).map(Vocabulary.Named::id).toList();
        return "Services: " + String.join(", ", shown)
                + (all.size() > shown.size() ? " and " + (all.size() - shown.size()) + " more." : ".");
    }

    private static String orList(List<Vocabulary.Named> found) {
        List<String> labels = found.stream()
                .limit(MAX_CHOICES)
                .map(n -> "“" + n.label() + "”")
                .toList();
        return labels.size() == 1
                ? labels.getFirst()
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.getLast();
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
