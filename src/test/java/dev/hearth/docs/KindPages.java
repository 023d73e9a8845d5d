package dev.hearth.docs;

import dev.hearth.downloads.ActiveDownloadsLimit;
import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadCapability.Feature;
import dev.hearth.downloads.SpeedLimits;
import dev.hearth.media.IndexerSearch;
import dev.hearth.media.MediaManager;
import dev.hearth.media.MediaServer;
import dev.hearth.media.MediaStats;
import dev.hearth.media.RequestManager;
import dev.hearth.notify.NotifierKind;
import dev.hearth.platform.config.ConfigSchema;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.IntegrationKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages of docs/integrations/ and docs/channels/, one per kind, written from what the kinds say of
 * themselves: their documentation line, their setup text, their settings record (secrets marked), their
 * capabilities and URL schemes. A kind added with its one line in META-INF/services gets its page here.
 */
final class KindPages {
    private KindPages() {}

    /** File name → content, for every integration kind and the index. */
    static Map<String, String> integrations(List<IntegrationKind<?>> kinds) {
        Map<String, String> pages = new LinkedHashMap<>();
        List<IntegrationKind<?>> sorted = new ArrayList<>(kinds);
        sorted.sort(Comparator.comparing(IntegrationKind::id));
        StringBuilder index = new StringBuilder(HEADER)
                .append("# Integrations\n\n")
                .append("A service's `integration` names its kind (`services[].integration` in hearth.yml); its\n")
                .append("`credentials` hold that kind's settings. Each kind's page says how to set it up.\n\n")
                .append("| kind | what |\n|---|---|\n");
        for (IntegrationKind<?> k : sorted) {
            index.append("| [`")
                    .append(k.id())
                    .append("`](")
                    .append(k.id())
                    .append(".md) | ")
                    .append(k.name())
                    .append(": ")
                    .append(k.documentation())
                    .append(" |\n");
            pages.put(k.id() + ".md", integration(k));
        }
        pages.put("README.md", index.toString());
        return pages;
    }

    /** File name → content, for every channel kind and the index. */
    static Map<String, String> channels(List<NotifierKind<?>> kinds) {
        Map<String, String> pages = new LinkedHashMap<>();
        List<NotifierKind<?>> sorted = new ArrayList<>(kinds);
        sorted.sort(Comparator.comparing(NotifierKind::type));
        StringBuilder index = new StringBuilder(HEADER)
                .append("# Notification channels\n\n")
                .append("A channel is `type` plus a block of that name with its settings, or one `url`\n")
                .append("(`notifications.channels[]` in hearth.yml). Each type's page says how to set it up.\n\n")
                .append("| type | what |\n|---|---|\n");
        for (NotifierKind<?> k : sorted) {
            index.append("| [`")
                    .append(k.type())
                    .append("`](")
                    .append(k.type())
                    .append(".md) | ")
                    .append(k.documentation())
                    .append(" |\n");
            pages.put(k.type() + ".md", channel(k));
        }
        pages.put("README.md", index.toString());
        return pages;
    }

    private static final String HEADER = "<!-- Written from the kinds' code by KindPagesTest; edit the kind, then run\n"
            + "     mvn -o test -Dtest=KindPagesTest -Dhearth.write-docs=true -->\n";

    private static String integration(IntegrationKind<?> k) {
        StringBuilder b = new StringBuilder(HEADER)
                .append("# ")
                .append(k.name())
                .append(" (`")
                .append(k.id())
                .append("`)\n\n")
                .append(sentence(k.documentation()))
                .append("\n\n")
                .append("## Setting it up\n\n")
                .append(k.setup().strip())
                .append("\n\n")
                .append("## What Hearth does with it\n\n")
                .append("- Polls it once per interval and shows its health on the Overview, in `GET /api/v1/status` ")
                .append("and in `GET /api/v1/services/{name}`: online with the version that answered, or offline with ")
                .append("the reason (refused credentials, unreachable, a configuration problem).\n");
        k.capabilities().stream()
                .map(KindPages::describe)
                .sorted()
                .forEach(line -> b.append("- ").append(line).append('\n'));
        b.append("\n## Settings\n\n");
        settings(b, k.settings(), "services[].credentials.");
        b.append("\n```yaml\nservices:\n  - name: my-")
                .append(k.id())
                .append("\n    url: <its address>\n")
                .append("    integration: ")
                .append(k.id())
                .append('\n');
        RecordComponent[] components = k.settings().getRecordComponents();
        if (components.length > 0) {
            b.append("    credentials:\n");
            for (RecordComponent c : components) {
                b.append("      ")
                        .append(ConfigSchema.snake(c.getName()))
                        .append(": ")
                        .append(
                                c.isAnnotationPresent(Secret.class)
                                        ? "${" + k.id().toUpperCase(Locale.ROOT).replace('-', '_') + "_"
                                                + ConfigSchema.snake(c.getName())
                                                        .toUpperCase(Locale.ROOT) + "}"
                                        : "…")
                        .append('\n');
            }
        }
        return b.append("```\n").toString();
    }

    private static String channel(NotifierKind<?> k) {
        StringBuilder b = new StringBuilder(HEADER)
                .append("# Channel `")
                .append(k.type())
                .append("`\n\n")
                .append(sentence(k.documentation()))
                .append("\n\n")
                .append("## Setting it up\n\n")
                .append(k.setup().strip())
                .append("\n\n")
                .append("## Settings\n\n");
        settings(b, k.settings(), "notifications.channels[]." + k.type() + ".");
        if (!k.schemes().isEmpty()) {
            b.append("\nOr as one URL, with the scheme ")
                    .append(String.join(
                            " or ",
                            k.schemes().stream()
                                    .sorted()
                                    .map(s -> "`" + s + "://`")
                                    .toList()))
                    .append(": see docs/configuration.md, \"Channel types\".\n");
        }
        b.append("\nHearth queues a message until the upstream's published limits allow it (it never drops one),")
                .append(" retries a failed delivery with backoff, and keeps what it could not deliver in its outbox")
                .append(" across restarts.\n");
        return b.toString();
    }

    private static void settings(StringBuilder b, Class<? extends Record> settings, String prefix) {
        RecordComponent[] components = settings.getRecordComponents();
        if (components.length == 0) {
            b.append("None.\n");
            return;
        }
        b.append("| key | secret |\n|---|---|\n");
        for (RecordComponent c : components) {
            b.append("| `")
                    .append(prefix)
                    .append(ConfigSchema.snake(c.getName()))
                    .append("` | ")
                    .append(c.isAnnotationPresent(Secret.class) ? "yes: never shown or logged" : "no")
                    .append(" |\n");
        }
        b.append("\nEvery key, its default and its checks: docs/configuration.md.\n");
    }

    /** What a capability lets Hearth do, in words; a capability nobody described fails the test. */
    static String describe(Capability c) {
        Class<?> api = c.api();
        if (c instanceof DownloadCapability d) {
            List<String> adds = new ArrayList<>();
            if (d.has(Feature.TORRENTS)) adds.add("magnets and .torrent files");
            if (d.has(Feature.LINKS)) adds.add("plain http(s) links");
            return "A download client: Hearth lists its tasks with progress and speed, adds "
                    + String.join(" and ", adds)
                    + ", pauses, resumes and removes them"
                    + (d.has(Feature.REMOVES_DATA) ? " (with their data, inside the download roots)" : "")
                    + (d.has(Feature.CATEGORIES) ? ", keeps their category" : "")
                    + (d.has(Feature.PEERS) ? ", shows their peers" : "")
                    + ", and runs the completion pipeline (library move, notification) when one finishes.";
        }
        if (api == SpeedLimits.class)
            return "Speed limits: Hearth sets and reads its download and upload limits, client-wide and per task "
                    + "(`PATCH /api/v1/downloads/clients/{client}/settings`, `PATCH /api/v1/tasks/{id}/settings`).";
        if (api == ActiveDownloadsLimit.class)
            return "A queue: Hearth sets how many downloads it runs at once; the rest wait their turn.";
        if (api == MediaServer.class)
            return "A media server: Hearth reads its libraries, what is playing now and what was recently added, "
                    + "and refreshes one library, one folder or all of them. A poll that finds it online also reads "
                    + "its sessions: `GET /api/v1/status` shows `services.by_name.<name>.active_streams` from that poll, "
                    + "never by asking the server per request.";
        if (api == MediaManager.class)
            return "A media manager: Hearth reads its status, titles, queue, calendar and history, looks titles up and "
                    + "adds them with a quality profile and root folder.";
        if (api == IndexerSearch.class)
            return "An indexer search: Hearth lists and tests its indexers and searches them by title and category "
                    + "(seeders, size and link of each result).";
        if (api == RequestManager.class)
            return "A request manager: Hearth lists requests, creates them, and approves or declines them.";
        if (api == MediaStats.class)
            return "Media statistics: Hearth reads current activity, play history, libraries and users.";
        throw new AssertionError("no words for the capability " + api.getName() + ": add them to KindPages.describe");
    }

    private static String sentence(String line) {
        // "qBittorrent's Web UI" keeps its product's spelling; "a Telegram bot's messages" starts a sentence.
        boolean productName = line.length() > 1 && Character.isUpperCase(line.charAt(1));
        String s = productName ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
