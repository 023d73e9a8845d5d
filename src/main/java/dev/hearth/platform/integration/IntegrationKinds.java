package dev.hearth.platform.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.SettingsBinding;
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

/**
 * Every integration kind Hearth knows, by id: those registered with {@link ServiceLoader}. Adding one is a
 * package and one line in {@code META-INF/services}; nothing here changes.
 */
public final class IntegrationKinds {
    private final Map<String, IntegrationKind<?>> byId = new TreeMap<>();

    public IntegrationKinds(List<? extends IntegrationKind<?>> kinds) {
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
        List<IntegrationKind<?>> found = new ArrayList<>();
        ServiceLoader.load(IntegrationKind.class, loader).forEach(found::add);
        return new IntegrationKinds(found);
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
            problems.add(kindKey, "unknown integration '" + id + "' (known: " + String.join(", ", byId.keySet()) + ")");
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
