package dev.hearth.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigSection;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Variants;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the {@code notifications} section of hearth.yml (META-INF/services): each channel names its
 * type and has that type's settings, checked against the type's record, or says it all in one
 * Apprise-style URL, read into that long form first.
 */
public final class NotificationsSection implements ConfigSection<NotificationsConfig> {
    private static final Set<String> LEVELS = Set.of("info", "warning", "error", "critical");

    private final NotifierKinds kinds;

    /** Hearth's own channel kinds (ServiceLoader makes it so). */
    public NotificationsSection() {
        this(NotifierKinds.load());
    }

    private NotificationsSection(NotifierKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public ConfigSection<NotificationsConfig> withPlugins(dev.hearth.platform.plugins.PluginJars plugins) {
        return new NotificationsSection(NotifierKinds.load(plugins));
    }

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public Class<NotificationsConfig> type() {
        return NotificationsConfig.class;
    }

    @Override
    public NotificationsConfig defaults() {
        return new NotificationsConfig(Duration.ofMinutes(5), List.of());
    }

    @Override
    public List<Variants> variants() {
        return List.of(new Variants(ChannelConfig.class, "type", "", null, kinds.settingsTypes()));
    }

    /** {@code url: tgram://…} becomes {@code type: telegram} and its {@code telegram:} block. */
    @Override
    public void normalize(ObjectNode tree, Problems problems) {
        if (!(tree.get("channels") instanceof ArrayNode channels)) return;
        for (int i = 0; i < channels.size(); i++) {
            if (!(channels.get(i) instanceof ObjectNode channel)) continue;
            JsonNode url = channel.get("url");
            if (url == null || !url.isTextual() || url.asText().isBlank()) continue;
            Problems at = problems.at("channels[" + i + "].url");
            URI uri;
            try {
                uri = URI.create(url.asText().trim());
            } catch (IllegalArgumentException e) {
                // The URL holds tokens: the message never quotes it.
                at.add(
                        "",
                        "is not a URL like tgram://<bot token>/<chat id> (schemes: "
                                + String.join(", ", kinds.schemes()) + ")");
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            NotifierKind<?> kind = kinds.byScheme(scheme).orElse(null);
            if (kind == null) {
                at.add("", "unknown scheme '" + scheme + "' (known: " + String.join(", ", kinds.schemes()) + ")");
                continue;
            }
            String type = channel.path("type").asText("");
            if (!type.isEmpty() && !type.equals(kind.type())) {
                at.add("", "is a " + kind.type() + " URL but the channel's type is '" + type + "'; give one of them");
                continue;
            }
            if (channel.has(kind.type())) {
                at.add("", "give the channel either a url or a " + kind.type() + " block, not both");
                continue;
            }
            try {
                channel.set(kind.type(), kind.fromUrl(uri));
            } catch (IllegalArgumentException e) {
                at.add("", String.valueOf(e.getMessage()));
                continue;
            }
            channel.put("type", kind.type());
            channel.remove("url");
        }
    }

    @Override
    public void validate(NotificationsConfig n, HearthConfig config, Problems p) {
        p.check(!n.dedupWindow().isNegative(), "dedup_window", "must not be negative (0 turns collapsing off)");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n.channels().size(); i++) {
            ChannelConfig ch = n.channels().get(i);
            Problems at = p.at("channels[" + i + "]");
            if (!ch.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                at.add("name", "must be lower-case letters, digits, - or _ (got '" + ch.name() + "')");
            } else {
                at.check(names.add(ch.name()), "name", "'" + ch.name() + "' is used twice");
            }
            at.check(LEVELS.contains(ch.minLevel()), "min_level", "must be info, warning, error or critical");
            quietHours(ch.quietHours(), at.at("quiet_hours"));
            kinds.check(ch, at);
        }
    }

    private static void quietHours(QuietHours q, Problems p) {
        if (q.start().isEmpty() && q.end().isEmpty()) return;
        p.check(isTime(q.start()), "start", "must be a time like 22:00");
        p.check(isTime(q.end()), "end", "must be a time like 07:00");
        if (!q.timezone().isEmpty()) {
            try {
                ZoneId.of(q.timezone());
            } catch (DateTimeException e) {
                p.add("timezone", "'" + q.timezone() + "' is not a time zone like Europe/Berlin");
            }
        }
    }

    private static boolean isTime(String s) {
        try {
            LocalTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
