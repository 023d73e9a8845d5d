package dev.hearth.assistant.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An action's result in plain words, read from its JSON (the shape every door sees), so a change of a result's Java
 * type does not change what the chat says. Names that come from upstreams are quoted, cut and stripped of control
 * characters: they are shown, never obeyed.
 */
public final class Renderer {
    private static final int MAX_ITEMS = 10;

    private Renderer() {}

    public static String render(String action, JsonNode result, @Nullable String focus) {
        return switch (action) {
            case "system.status" -> status(result);
            case "services.list" -> services(result.path("services"));
            case "services.status" -> serviceStatus(result);
            case "services.start", "services.stop", "services.restart", "services.remove" -> message(result, "Done.");
            case "tasks.list" ->
                focus != null && focus.startsWith("task:")
                        ? oneTask(result.path("tasks"), focus.substring(5))
                        : tasks(result);
            case "tasks.pause" ->
                "Paused " + quote(result.path("name").asText(result.path("id").asText())) + ".";
            case "tasks.resume" ->
                "Resumed " + quote(result.path("name").asText(result.path("id").asText())) + ".";
            case "tasks.remove" ->
                "Cancelled "
                        + quote(result.path("name").asText(result.path("id").asText())) + ".";
            case "downloads.add" -> added(result);
            case "media.download" -> mediaDownload(result);
            case "alerts.list" -> alerts(result);
            case "alerts.acknowledge" ->
                "Acknowledged " + result.path("id").asText() + " ("
                        + quote(result.path("message").asText()) + ").";
            case "monitoring.host" -> host(result, focus == null ? "all" : focus);
            case "system.logs" -> lines(result.path("logs"), "message", "Hearth's log is empty.");
            case "services.logs" -> lines(result.path("lines"), null, "No log lines.");
            default -> message(result, "Done.");
        };
    }

    private static String status(JsonNode s) {
        JsonNode svc = s.path("services");
        String services = svc.path("total").asInt() == 0
                ? "No services are set up."
                : "Services: " + svc.path("online").asInt() + " of "
                        + svc.path("total").asInt() + " online"
                        + (svc.path("offline").asInt() > 0
                                ? ", " + svc.path("offline").asInt() + " offline"
                                : "")
                        + (svc.path("unknown").asInt() > 0
                                ? ", " + svc.path("unknown").asInt() + " not checked yet"
                                : "")
                        + ".";
        return "Hearth " + s.path("version").asText() + " is running, up "
                + s.path("uptime").asText() + ". CPU " + pct(s.path("cpu_usage")) + ", memory "
                + pct(s.path("memory_usage")) + ", disk " + pct(s.path("disk_usage")) + ". " + services;
    }

    private static String services(JsonNode list) {
        if (list.isEmpty()) return "No services are set up on this Hearth yet.";
        List<String> parts = new ArrayList<>();
        for (JsonNode s : list) {
            String health = s.path("health").asText();
            String word = switch (health) {
                case "online" -> "online";
                case "offline" ->
                    "offline"
                            + (s.path("message").asText().isBlank()
                                    ? ""
                                    : " (" + cut(s.path("message").asText(), 60) + ")");
                default -> "not checked yet";
            };
            parts.add(s.path("name").asText() + ": " + word);
        }
        return list.size() + (list.size() == 1 ? " service. " : " services. ") + String.join("; ", parts) + ".";
    }

    private static String serviceStatus(JsonNode s) {
        String name = s.path("name").asText();
        String state = s.path("state").asText();
        StringBuilder b = new StringBuilder(name).append(" is ").append(state);
        if (!s.path("started_at").isNull() && s.path("running").asBoolean())
            b.append(" since ").append(s.path("started_at").asText());
        if (!s.path("exit_code").isNull() && !s.path("running").asBoolean())
            b.append(" (last exit code ").append(s.path("exit_code").asText()).append(")");
        b.append(". Health: ").append(s.path("health").asText()).append('.');
        String message = s.path("message").asText();
        if (!message.isBlank()) b.append(' ').append(cut(message, 160)).append(message.endsWith(".") ? "" : ".");
        return b.toString();
    }

    private static String tasks(JsonNode r) {
        JsonNode tasks = r.path("tasks");
        if (tasks.isEmpty()) return "Nothing is downloading.";
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(tasks.size(), MAX_ITEMS); i++) parts.add(task(tasks.get(i)));
        long total = r.path("total").asLong(tasks.size());
        return total + (total == 1 ? " download: " : " downloads: ") + String.join("; ", parts)
                + (total > parts.size() ? "; and " + (total - parts.size()) + " more" : "") + ".";
    }

    private static String oneTask(JsonNode tasks, String id) {
        for (JsonNode t : tasks) if (t.path("id").asText().equals(id)) return task(t) + ".";
        return "That download is gone.";
    }

    static String task(JsonNode t) {
        StringBuilder b =
                new StringBuilder(quote(t.path("name").asText(t.path("id").asText()))).append(' ');
        String status = t.path("status").asText();
        double progress = t.path("progress").asDouble();
        b.append(status).append(' ').append(String.format(Locale.ROOT, "%.0f %%", progress));
        if (status.equals("downloading")) {
            b.append(" at ").append(Rates.human(t.path("download_speed").asLong()));
            long eta = t.path("eta").asLong(-1);
            if (eta > 0 && eta < 8_640_000)
                b.append(", about ").append(duration(eta)).append(" left");
        }
        return b.toString();
    }

    private static String added(JsonNode t) {
        String name = t.path("name").asText();
        String shown = name.isBlank() ? "the download" : quote(name);
        String where = t.path("category").asText().isBlank()
                ? ""
                : " into " + quote(t.path("category").asText());
        return "Started downloading " + shown + where + " on "
                + t.path("client").asText("the download client") + ". I'll show it under downloads until it's done.";
    }

    /** What {@code media.download} did, by its outcome; the release is an indexer's text, so it is quoted. */
    private static String mediaDownload(JsonNode a) {
        String title = a.path("title").asText("the title");
        String shown = a.path("year").isInt() ? title + " (" + a.path("year").asInt() + ")" : title;
        return switch (a.path("outcome").asText()) {
            case "downloading" ->
                "Downloading " + shown + ": " + quote(a.path("release").asText()) + " on "
                        + a.path("via").asText("a download client") + ". I'll tell you when it's ready to watch.";
            case "added" ->
                "Added " + shown + " to " + a.path("via").asText("the media manager") + ". "
                        + cut(a.path("reason").asText(), 300);
            case "already_managed" ->
                shown + " is already there: " + cut(a.path("reason").asText(), 300);
            case "ambiguous" -> {
                StringBuilder b = new StringBuilder("“" + title + "” could be several titles:");
                for (JsonNode c : a.path("candidates")) {
                    b.append("\n• ").append(quote(c.path("title").asText()));
                    if (c.path("year").isInt())
                        b.append(" (").append(c.path("year").asInt()).append(')');
                }
                yield b.append("\nSay which, with the year.").toString();
            }
            case "not_found" ->
                "I found nothing for " + shown + ": " + cut(a.path("reason").asText(), 300);
            default -> message(a, "Done.");
        };
    }

    private static String alerts(JsonNode r) {
        JsonNode list = r.path("alerts");
        if (list.isEmpty()) return "No open alerts.";
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(list.size(), MAX_ITEMS); i++) {
            JsonNode a = list.get(i);
            parts.add(a.path("id").asText() + " " + a.path("level").asText() + ": "
                    + quote(a.path("message").asText())
                    + (a.path("state").asText().equals("acknowledged") ? " (acknowledged)" : ""));
        }
        return list.size() + (list.size() == 1 ? " alert: " : " alerts: ") + String.join("; ", parts) + ".";
    }

    private static String host(JsonNode h, String focus) {
        JsonNode cpu = h.path("cpu");
        JsonNode mem = h.path("memory");
        String cpuText = "CPU " + pct(cpu.path("usage_percent")) + " busy ("
                + cpu.path("cores").asInt() + " cores, load "
                + String.format(Locale.ROOT, "%.2f", cpu.path("load1").asDouble())
                + (cpu.path("temperature_celsius").isNumber()
                        ? ", " + cpu.path("temperature_celsius").asText() + " °C"
                        : "")
                + ").";
        String memText = "Memory " + pct(mem.path("usage_percent")) + " used: "
                + size(mem.path("used_bytes").asLong()) + " of "
                + size(mem.path("total_bytes").asLong()) + ", "
                + size(mem.path("available_bytes").asLong()) + " available.";
        List<String> disks = new ArrayList<>();
        for (JsonNode d : h.path("disks")) {
            disks.add(d.path("mount").asText() + " " + pct(d.path("usage_percent")) + " used, "
                    + size(d.path("free_bytes").asLong()) + " free of "
                    + size(d.path("total_bytes").asLong()));
        }
        String diskText = disks.isEmpty() ? "No disks were sampled yet." : "Disk " + String.join("; ", disks) + ".";
        return switch (focus) {
            case "cpu" -> cpuText;
            case "memory" -> memText;
            case "disk" -> diskText;
            default -> cpuText + " " + memText + " " + diskText;
        };
    }

    private static String lines(JsonNode lines, @Nullable String field, String empty) {
        if (lines.isEmpty()) return empty;
        List<String> out = new ArrayList<>();
        for (JsonNode l : lines)
            out.add(cut(field == null ? l.asText() : l.path(field).asText(), 300));
        return String.join("\n", out);
    }

    private static String message(JsonNode r, String fallback) {
        String m = r.path("message").asText();
        return m.isBlank() ? fallback : cut(m, 400);
    }

    /** An upstream name as shown in an answer: quoted, one line, at most 120 characters. */
    public static String quote(String name) {
        return "“" + cut(name, 120) + "”";
    }

    static String cut(String s, int max) {
        String one = s.replaceAll("\\p{Cntrl}+", " ").trim();
        return one.length() > max ? one.substring(0, max - 1) + "…" : one;
    }

    private static String pct(JsonNode n) {
        return String.format(Locale.ROOT, "%.1f %%", n.asDouble());
    }

    static String size(long bytes) {
        if (bytes < 1_000_000_000L) return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    static String duration(long seconds) {
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return seconds / 60 + " min";
        if (seconds < 86400) return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        return seconds / 86400 + " d " + seconds % 86400 / 3600 + " h";
    }
}
