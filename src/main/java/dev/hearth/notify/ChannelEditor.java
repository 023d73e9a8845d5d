package dev.hearth.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.storage.DiskFull;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Notification channels added at run time (Uptime Kuma's way): checked as hearth.yml's are (an Apprise-style URL
 * read into its kind's block, the kind's settings record), sent a test before they are kept, and kept in
 * {@code <data_dir>/channels-added.json} (0600: they hold tokens) beside the file, whose channels stay read-only.
 */
@Singleton
public class ChannelEditor implements ActionProvider {
    private static final Logger LOG = Logger.getLogger(ChannelEditor.class);
    static final String FILE = "channels-added.json";
    private static final Set<String> LEVELS = Set.of("info", "warning", "error", "critical");

    private final NotificationService notifications;
    private final ConfigService config;
    private final ObjectMapper json;
    private final NotifierKinds kinds;
    private final dev.hearth.platform.config.ConfigSection<NotificationsConfig> section;

    public ChannelEditor(NotificationService notifications, ConfigService config, ObjectMapper json) {
        this.notifications = notifications;
        this.config = config;
        this.json = json;
        // a plugin's channel kind can be added here as in hearth.yml
        this.kinds = NotifierKinds.load(config.plugins());
        this.section = new NotificationsSection().withPlugins(config.plugins());
    }

    /** What an added channel is, as the channel list shows it: never its settings, which hold its tokens. */
    public record AddedChannel(String name, String type, String minLevel) {}

    /** What adding did: the channel, and its test message's delivery. */
    public record Added(AddedChannel channel, List<NotificationActions.DeliveryResult> test) {}

    public record Removed(String name, boolean removed) {}

    void load(@Observes StartupEvent ignored) {
        for (JsonNode n : stored()) {
            try {
                notifications.addChannel(channel(n));
            } catch (RuntimeException e) {
                LOG.warnf("Channel %s from %s not started: %s", n.path("name").asText(), FILE, e.getMessage());
            }
        }
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "notifications.add_channel",
                                "Add a notification channel (name and an Apprise-style url such as json://host/hook or tgram://token/chat); a test is sent first and the channel kept only if it arrives",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("name", Type.STRING, "a new channel name: a-z, 0-9, - or _"),
                                        Param.required(
                                                "url", Type.STRING, "the channel as one URL; it holds its token"),
                                        Param.optional("min_level", Type.STRING, "info, warning, error or critical"))),
                        this::add),
                new Action(
                        new ActionSpec(
                                "notifications.delete_channel",
                                "Remove a notification channel added at run time (hearth.yml's are changed there)",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("name", Type.STRING, "the channel's name"))),
                        this::remove));
    }

    /** The channels added here, for the channel list. */
    public List<AddedChannel> added() {
        return stored().stream()
                .map(n -> new AddedChannel(
                        n.path("name").asText(),
                        n.path("type").asText(),
                        n.path("min_level").asText("info")))
                .toList();
    }

    private synchronized Added add(ActionCall call) {
        ObjectNode node = json.createObjectNode();
        node.put("name", call.string("name").trim());
        node.put("url", call.string("url").trim());
        String level = call.params().path("min_level").asText("info");
        node.put("min_level", level.isBlank() ? "info" : level);
        ObjectNode tree = json.createObjectNode();
        tree.set("channels", json.createArrayNode().add(node));
        Problems problems = new Problems();
        section.normalize(tree, problems.at("notifications"));
        ChannelConfig channel = channel(node);
        Problems at = problems.at("notifications.channels[0]");
        if (!channel.name().matches("[a-z0-9][a-z0-9_-]{0,62}"))
            at.add("name", "must be lower-case letters, digits, - or _ (got '" + channel.name() + "')");
        at.check(LEVELS.contains(channel.minLevel()), "min_level", "must be info, warning, error or critical");
        if (problems.isEmpty()) kinds.check(channel, at);
        if (!problems.isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    problems.list().getFirst().replaceFirst("^notifications\\.channels\\[0]\\.?", ""),
                    Map.of("problems", problems.list()));
        }
        if (notifications.channelNames().contains(channel.name())) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "name: a channel named '" + channel.name() + "' exists already",
                    Map.of("field", "name"));
        }
        notifications.addChannel(channel);
        List<Delivery> test;
        try {
            test = notifications.sendTest(channel.name(), call.caller().label());
        } catch (RuntimeException e) {
            notifications.removeChannel(channel.name());
            throw e;
        }
        List<NotificationActions.DeliveryResult> results = test.stream()
                .map(d -> new NotificationActions.DeliveryResult(
                        d.destination(), d.status().id(), d.attempts(), d.lastError() == null ? "" : d.lastError()))
                .toList();
        if (!test.stream().allMatch(d -> d.status() == Delivery.Status.DELIVERED)) {
            notifications.removeChannel(channel.name());
            String why = results.stream()
                    .map(r -> r.error().isEmpty() ? r.status() : r.error())
                    .findFirst()
                    .orElse("no destination");
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "the test message did not arrive: " + why + "; nothing was saved",
                    Map.of("deliveries", results));
        }
        List<JsonNode> next = new ArrayList<>(stored());
        next.add(node);
        write(next);
        return new Added(new AddedChannel(channel.name(), channel.type(), channel.minLevel()), results);
    }

    private synchronized Removed remove(ActionCall call) {
        String name = call.string("name");
        List<JsonNode> next = new ArrayList<>(stored());
        if (!next.removeIf(n -> n.path("name").asText().equals(name))) {
            if (notifications.channelNames().contains(name)) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        name + " is set in hearth.yml, which is read-only here: remove it there",
                        Map.of("source", "config"));
            }
            throw ApiException.notFound("Channel", name, notifications.channelNames());
        }
        write(next);
        notifications.removeChannel(name);
        return new Removed(name, true);
    }

    /** The long form the file's channels take after normalizing: type and the kind's block. */
    private static ChannelConfig channel(JsonNode n) {
        String type = n.path("type").asText("");
        JsonNode block = n.path(type);
        return new ChannelConfig(
                n.path("name").asText(""),
                type,
                "",
                n.path("min_level").asText("info"),
                List.of(),
                new QuietHours("", "", ""),
                block.isObject() ? Map.of(type, block) : Map.of());
    }

    private Path file() {
        return config.dataDir().resolve(FILE);
    }

    private List<JsonNode> stored() {
        Path file = file();
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<JsonNode> out = new ArrayList<>();
            json.readTree(file.toFile()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(List<JsonNode> channels) {
        ArrayNode array = json.createArrayNode();
        channels.forEach(array::add);
        Path file = file();
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            json.writeValue(tmp.toFile(), array);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the half-written copy goes at the next write
            }
            throw DiskFull.of(e, config.dataDir());
        }
    }
}
