package dev.hearth.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.platform.plugins.PluginJars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Every channel type Hearth knows: those registered with {@link ServiceLoader}. Adding one is a package and one line. */
public final class NotifierKinds {
    /**
     * Asked only when there is something to say: Hearth.main reads the configuration before the log manager is
     * set up, and making a logger then prints an error line of its own.
     */
    private static Logger log() {
        return Logger.getLogger(NotifierKinds.class);
    }

    private final Map<String, NotifierKind<?>> byType = new TreeMap<>();
    private final Map<String, NotifierKind<?>> byScheme = new TreeMap<>();
    /** Switched-off plugins that register channel kinds: named when hearth.yml asks for an unknown one. */
    private final List<String> switchedOff;

    public NotifierKinds(List<? extends NotifierKind<?>> kinds) {
        this(kinds, List.of());
    }

    public NotifierKinds(List<? extends NotifierKind<?>> kinds, List<String> switchedOff) {
        this.switchedOff = List.copyOf(switchedOff);
        for (NotifierKind<?> k : kinds) {
            if (byType.putIfAbsent(k.type(), k) != null)
                throw new IllegalStateException("channel type registered twice: " + k.type());
            for (String scheme : k.schemes()) {
                if (byScheme.putIfAbsent(scheme, k) != null)
                    throw new IllegalStateException("channel URL scheme registered twice: " + scheme);
            }
        }
    }

    public static NotifierKinds load() {
        return load(PluginJars.none());
    }

    /** Hearth's channel kinds and the enabled plugins' ones; a plugin's kind whose type or scheme is taken is skipped. */
    public static NotifierKinds load(PluginJars plugins) {
        List<NotifierKind<?>> found = new ArrayList<>();
        ServiceLoader.load(NotifierKind.class, NotifierKinds.class.getClassLoader())
                .forEach(found::add);
        java.util.Set<String> taken = new java.util.HashSet<>();
        found.forEach(k -> {
            taken.add("type:" + k.type());
            k.schemes().forEach(s -> taken.add("scheme:" + s));
        });
        for (NotifierKind<?> k : plugins.provided(NotifierKind.class)) {
            try {
                List<String> keys = new ArrayList<>();
                keys.add("type:" + k.type());
                k.schemes().forEach(s -> keys.add("scheme:" + s));
                if (k.type().isBlank() || keys.stream().anyMatch(taken::contains)) {
                    log().warnf(
                                    "A plugin's channel kind '%s' (%s) is blank or taken; skipped",
                                    k.type(), k.getClass().getName());
                    continue;
                }
                taken.addAll(keys);
                found.add(k);
            } catch (RuntimeException e) {
                log().warnf(
                                "A plugin's channel kind %s failed to describe itself; skipped",
                                k.getClass().getName());
            }
        }
        return new NotifierKinds(found, plugins.disabledProviding(NotifierKind.class));
    }

    public Optional<NotifierKind<?>> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<NotifierKind<?>> byScheme(String scheme) {
        return Optional.ofNullable(byScheme.get(scheme));
    }

    public Collection<NotifierKind<?>> all() {
        return byType.values();
    }

    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    public List<String> schemes() {
        return List.copyOf(byScheme.keySet());
    }

    public Map<String, Class<? extends Record>> settingsTypes() {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        byType.forEach((t, k) -> types.put(t, k.settings()));
        return types;
    }

    /** A channel's notifier, its settings bound to its kind's record (they were checked at start). */
    public Made make(ChannelConfig channel, KindContext context) {
        NotifierKind<?> kind = find(channel.type())
                .orElseThrow(() -> new IllegalStateException(
                        "no notifier for channel type '" + channel.type() + "' (channel " + channel.name() + ")"));
        return make(kind, channel, context);
    }

    /** A notifier with what the sender needs beside it: its kind's limits, its pace key, and its settings (to scrub secrets). */
    public record Made(Notifier notifier, List<RateRule> limits, String limitKey, Record settings) {}

    private static <S extends Record> Made make(NotifierKind<S> kind, ChannelConfig channel, KindContext context) {
        S settings = SettingsBinding.bind(
                channel.block(), kind.settings(), "notifications.channels." + channel.name() + "." + kind.type());
        return new Made(
                kind.create(channel.name(), settings, context),
                kind.limits(),
                kind.type() + ":" + kind.limitKey(channel.name(), settings),
                settings);
    }

    /** Checks a channel's type and its block. */
    void check(ChannelConfig channel, Problems problems) {
        NotifierKind<?> kind = byType.get(channel.type());
        if (kind == null) {
            problems.add(
                    "type",
                    "must be one of " + String.join(", ", byType.keySet()) + " (got '" + channel.type() + "')"
                            + IntegrationKinds.switchedOffHint(switchedOff));
            return;
        }
        for (String key : channel.settings().keySet()) {
            if (!key.equals(channel.type())) {
                problems.add(
                        key,
                        "unknown key (known keys here: min_level, name, quiet_hours, sources, type, url, and the block named by type: "
                                + channel.type() + ")");
            }
        }
        JsonNode block = channel.block();
        SettingsBinding.bind(block, kind.settings(), problems.at(channel.type()));
    }
}
