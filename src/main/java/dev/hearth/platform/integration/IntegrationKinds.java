package dev.hearth.platform.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.SettingsBinding;
import dev.hearth.platform.plugins.PluginJars;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Every integration kind Hearth knows, by id: those registered with {@link ServiceLoader}. Adding one is a
 * package and one line in {@code META-INF/services}; nothing here changes.
 */
public final class IntegrationKinds {
    /**
     * Asked only when there is something to say: Hearth.main reads the configuration before the log manager is
     * set up, and making a logger then prints an error line of its own.
     */
    private static Logger log() {
        return Logger.getLogger(IntegrationKinds.class);
    }

    private final Map<String, IntegrationKind<?>> byId = new TreeMap<>();
    /** Switched-off plugins that register integration kinds: named when hearth.yml asks for an unknown one. */
    private final List<String> switchedOff;

    public IntegrationKinds(List<? extends IntegrationKind<?>> kinds) {
        this(kinds, List.of());
    }

    public IntegrationKinds(List<? extends IntegrationKind<?>> kinds, List<String> switchedOff) {
        this.switchedOff = List.copyOf(switchedOff);
        for (IntegrationKind<?> k : kinds) {
            if (!k.id().matches("[a-z][a-z0-9_-]{0,31}"))
                throw new IllegalStateException("integration kind id must be lower-case: " + k.id());
            if (byId.putIfAbsent(k.id(), k) != null)
                throw new IllegalStateException("integration kind registered twice: " + k.id());
        }
    }

    public static IntegrationKinds load() {
        return load(IntegrationKinds.class.getClassLoader());
    }

    public static IntegrationKinds load(ClassLoader loader) {
        return load(loader, PluginJars.none());
    }

    /**
     * Hearth's kinds and the enabled plugins' ones. A plugin's kind with a malformed id or one already taken is
     * skipped with a warning: a plugin never stops Hearth.
     */
    public static IntegrationKinds load(ClassLoader loader, PluginJars plugins) {
        List<IntegrationKind<?>> found = new ArrayList<>();
        ServiceLoader.load(IntegrationKind.class, loader).forEach(found::add);
        java.util.Set<String> ids = new java.util.HashSet<>();
        found.forEach(k -> ids.add(k.id()));
        for (IntegrationKind<?> k : plugins.provided(IntegrationKind.class)) {
            String id;
            try {
                id = k.id();
            } catch (RuntimeException e) {
                log().warnf(
                                "A plugin's integration kind %s failed to name itself; skipped",
                                k.getClass().getName());
                continue;
            }
            if (id == null || !id.matches("[a-z][a-z0-9_-]{0,31}") || !ids.add(id)) {
                log().warnf(
                                "A plugin's integration kind '%s' (%s) is malformed or taken; skipped",
                                id, k.getClass().getName());
                continue;
            }
            found.add(k);
        }
        return new IntegrationKinds(found, plugins.disabledProviding(IntegrationKind.class));
    }

    /** Names the switched-off plugins that could bring an unknown kind, so the owner knows what to switch on. */
    public static String switchedOffHint(List<String> plugins) {
        if (plugins.isEmpty()) return "";
        return plugins.size() == 1
                ? "; the plugin '" + plugins.getFirst()
                        + "' that may provide it is disabled: enable it on the Plugins page"
                : "; the plugins "
                        + String.join(
                                ", ", plugins.stream().map(n -> "'" + n + "'").toList())
                        + " that may provide it are disabled: enable the one that does on the Plugins page";
    }

    public Optional<IntegrationKind<?>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<IntegrationKind<?>> all() {
        return byId.values();
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** The kinds whose instances implement {@code api}. */
    public List<IntegrationKind<?>> offering(Class<?> api) {
        return byId.values().stream().filter(k -> k.offers(api)).toList();
    }

    /** Each kind's settings record, by id: the schema reaches into {@code services[].credentials} with it. */
    public Map<String, Class<? extends Record>> settingsTypes() {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        byId.forEach((id, k) -> types.put(id, k.settings()));
        return types;
    }

    /** Checks that {@code id} is known and {@code settings} fit its record; keys of problems are relative to {@code problems}. */
    public void check(String id, String kindKey, JsonNode settings, String settingsKey, Problems problems) {
        IntegrationKind<?> kind = byId.get(id);
        if (kind == null) {
            problems.add(
                    kindKey,
                    "unknown integration '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")"
                            + switchedOffHint(switchedOff));
            return;
        }
        SettingsBinding.bind(settings, kind.settings(), problems.at(settingsKey));
    }

    /** Makes the integration of one service; the settings were checked at start, a binding failure here names them. */
    public Integration create(
            String id, String serviceName, URI url, JsonNode settings, Duration timeout, KindContext context) {
        IntegrationKind<?> kind =
                find(id).orElseThrow(() -> new IllegalArgumentException("unknown integration '" + id + "'"));
        return create(kind, serviceName, url, settings, timeout, context);
    }

    private static <S extends Record> Integration create(
            IntegrationKind<S> kind,
            String serviceName,
            URI url,
            JsonNode settings,
            Duration timeout,
            KindContext context) {
        S bound = SettingsBinding.bind(settings, kind.settings(), "services." + serviceName + ".credentials");
        return kind.create(new IntegrationTarget<>(serviceName, kind.base(url), bound, timeout), context);
    }
}
