package dev.hearth.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The running configuration. Run-time changes through the API are validated like a file, saved to
 * {@code <data_dir>/config-overrides.yml} (so they survive a restart) and take effect at once, except
 * the keys marked {@link RestartRequired}, which are saved and take effect at the next start.
 */
@ApplicationScoped
public class ConfigService {
    private static final String REDACTED = "********";

    private final ConfigLoader loader;
    private final ConfigEnvironment environment;
    private final AtomicReference<HearthConfig> current;
    private final List<java.util.function.Consumer<HearthConfig>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Inside Quarkus: MicroProfile Config as it stands at each lookup, and the raw environment. */
    @jakarta.enterprise.inject.Produces
    @jakarta.inject.Singleton
    static ConfigEnvironment quarkusEnvironment() {
        return new ConfigEnvironment(
                name -> ConfigProvider.getConfig().getOptionalValue(name, String.class),
                name -> java.util.Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Injected with its environment: the container's client proxy subclasses this bean, and a
     * no-argument constructor here would read the whole config once more for the proxy alone.
     */
    @jakarta.inject.Inject
    public ConfigService(ConfigEnvironment environment) {
        this.environment = environment;
        this.loader = ConfigLoader.withPlugins(environment);
        this.current = new AtomicReference<>(loader.load());
    }

    /**
     * Reads the configuration on Quarkus's own start-up thread, first of all, before {@code Database} and
     * {@code FirstStart} hand their early work to threads of their own. MicroProfile Config must not be
     * read from another thread then: Quarkus swaps its static-init config for the run-time one, and a
     * lookup that falls between the two registers a config of its own, so the swap fails and Hearth does
     * not start ("configuration already registered"). Read here, the settings are in memory for them.
     */
    void readEarly(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object containerStarted) {
        // creating the bean is the point
    }

    /** Called after each run-time change with the new config, for settings applied outside a read of {@link #current}. */
    public void onChange(java.util.function.Consumer<HearthConfig> listener) {
        listeners.add(listener);
    }

    public HearthConfig current() {
        return current.get();
    }

    public Path dataDir() {
        return current.get().dataDir();
    }

    /** The configuration file this Hearth reads, if any ({@code HEARTH_CONFIG}, else {@code ./hearth.yml} when present). */
    public java.util.Optional<Path> configFile() {
        return loader.configFile();
    }

    public ConfigSchema schema() {
        return loader.schema();
    }

    /** The plugin jars read with the configuration, their class loaders shared by the kind registries and the plugin manager. */
    public dev.hearth.platform.plugins.PluginJars plugins() {
        return loader.plugins();
    }

    /**
     * The config as the API shows it: snake_case, every {@link Secret} value masked (down into the settings
     * of kinds), secrets inside every other URL masked too, each section as it chooses to be shown (services
     * by name, as the seeds show them).
     */
    public ObjectNode redactedView() {
        HearthConfig config = current.get();
        ObjectNode tree = loader.tree(config);
        schema().walk(tree, (parent, key, path, type, rule) -> {
            JsonNode v = parent.get(key);
            if (!rule.secret()
                    || v == null
                    || v.isNull()
                    || v.isTextual() && v.asText().isEmpty()) return;
            parent.set(
                    key,
                    v.isObject()
                            ? maskAll((ObjectNode) v)
                            : v.isArray() ? maskAll((ArrayNode) v) : TextNode.valueOf(REDACTED));
        });
        redactUrls(tree);
        for (ConfigSection<?> s : schema().sections()) {
            viewOf(s, config, tree);
        }
        return tree;
    }

    /** Secrets inside every other string ({@link SecretsInUrls}: a database URL's password=, a tracker's passkey). */
    private static void redactUrls(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    e.setValue(
                            TextNode.valueOf(SecretsInUrls.redact(e.getValue().asText())));
                } else {
                    redactUrls(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i).isTextual()) {
                    arr.set(i, TextNode.valueOf(SecretsInUrls.redact(arr.get(i).asText())));
                } else {
                    redactUrls(arr.get(i));
                }
            }
        }
    }

    private static <T extends Record> void viewOf(ConfigSection<T> section, HearthConfig config, ObjectNode tree) {
        String[] parts = section.key().split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) parent = (ObjectNode) parent.get(parts[i]);
        parent.set(
                parts[parts.length - 1],
                section.view(config.section(section.type()), parent.get(parts[parts.length - 1])));
    }

    private static ObjectNode maskAll(ObjectNode secretMap) {
        ObjectNode masked = JsonNodeFactory.instance.objectNode();
        secretMap.fieldNames().forEachRemaining(k -> masked.put(k, REDACTED));
        return masked;
    }

    private static ArrayNode maskAll(ArrayNode secretList) {
        ArrayNode masked = JsonNodeFactory.instance.arrayNode();
        secretList.forEach(k -> masked.add(REDACTED));
        return masked;
    }

    /**
     * Where each value set above the defaults comes from: hearth.yml, the run-time changes in the data dir, or the
     * environment (which wins over both). Only the key names are looked at, never the values.
     */
    public ConfigOrigins origins() {
        List<ConfigOrigins.Origin> keys = new ArrayList<>();
        originsByKey()
                .forEach((key, source) -> keys.add(new ConfigOrigins.Origin(
                        key, source, source == ConfigOrigins.Source.RUNTIME && changeable(key))));
        return new ConfigOrigins(configFile().map(Path::toString).orElse(""), List.copyOf(keys));
    }

    private boolean changeable(String key) {
        try {
            return keyOrSection(key).changeable();
        } catch (ApiException unknown) {
            return false;
        }
    }

    private Map<String, ConfigOrigins.Source> originsByKey() {
        Map<String, ConfigOrigins.Source> out = new java.util.TreeMap<>();
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(loader.fileTree(), "", leaves);
        leaves.keySet().forEach(k -> out.put(k, ConfigOrigins.Source.FILE));
        leaves.clear();
        flatten(readOverrides(dataDir().resolve(ConfigLoader.OVERRIDES_FILE)), "", leaves);
        leaves.keySet().forEach(k -> out.put(k, ConfigOrigins.Source.RUNTIME));
        leaves.clear();
        flatten(loader.tree(current.get()), "", leaves);
        for (String k : leaves.keySet()) {
            if (environment.property().apply("hearth." + k).isPresent()) out.put(k, ConfigOrigins.Source.ENVIRONMENT);
        }
        return out;
    }

    /** hearth.yml stays the source of what it sets: a run-time change cannot take away what the file would bring back. */
    private static void refuseRemovalOfFileValue(String path, Map<String, ConfigOrigins.Source> origins) {
        origins.forEach((key, source) -> {
            if (source != ConfigOrigins.Source.RUNTIME
                    && source != ConfigOrigins.Source.DEFAULT
                    && (key.equals(path) || key.startsWith(path + "."))) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        path + ": set in " + (source == ConfigOrigins.Source.FILE ? "hearth.yml" : "the environment")
                                + ", which a run-time change cannot remove; remove it there",
                        Map.of("field", path, "source", source.json()));
            }
        });
    }

    private static @org.jspecify.annotations.Nullable JsonNode at(ObjectNode tree, String dotted) {
        JsonNode node = tree;
        for (String part : dotted.split("\\.")) {
            node = node.get(part);
            if (node == null) return null;
        }
        return node.deepCopy();
    }

    private static void put(ObjectNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) parent = parent.with(parts[i]);
        parent.set(parts[parts.length - 1], value);
    }

    /** What a change did: the keys written, and those that wait for a restart. */
    public record Change(List<String> updated, List<String> restartRequired) {}

    /**
     * Applies a partial config (nested keys as in hearth.yml). Refuses unknown keys, keys another API owns,
     * keys hearth.yml sets and keys pinned by an environment variable, naming each; nothing is written unless all of it is valid.
     */
    public synchronized Change change(JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject) || patch.isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT, "Send a JSON object of config keys to change, as in hearth.yml");
        }
        dropUnchanged(patchObject);
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(patchObject, "", leaves);
        List<String> restart = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, ConfigOrigins.Source> origins = originsByKey();
        for (String path : leaves.keySet()) {
            if (leaves.get(path).isNull()) {
                refuseRemovalOfFileValue(path, origins);
                removed.add(path);
                if (schema().isMapEntry(path)) continue;
            }
            ConfigSchema.Key key = keyOrSection(path);
            if (!key.changeable()) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        path + ": cannot be changed here: " + key.notChangeableReason(),
                        Map.of("field", path));
            }
            String property = "hearth." + path;
            if (environment.property().apply(property).isPresent()) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        path + ": set by the environment (" + ConfigEnvironment.envName(property)
                                + "), which wins over run-time changes; change it there",
                        Map.of("field", path));
            }
            if (!leaves.get(path).isNull() && origins.get(path) == ConfigOrigins.Source.FILE) {
                // hearth.yml stays the source of what it sets: a run-time value over it would hide the file's
                // value until someone wonders why editing the file changes nothing.
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        path + ": set in hearth.yml, which stays the source for it; change it there",
                        Map.of("field", path, "source", ConfigOrigins.Source.FILE.json()));
            }
            if (key.restartRequired()) restart.add(path);
        }
        Path overridesFile = dataDir().resolve(ConfigLoader.OVERRIDES_FILE);
        ObjectNode overrides = readOverrides(overridesFile);
        mergeInto(overrides, patchObject);
        ObjectNode candidate = loader.defaults();
        mergeInto(candidate, loader.tree(current.get()));
        mergeInto(candidate, patchObject);
        ObjectNode defaults = loader.defaults();
        for (String path : removed) {
            // a key given back to its default (an entry of a map has none, and stays gone)
            JsonNode fallback = at(defaults, path);
            if (fallback != null) put(candidate, path, fallback);
        }
        HearthConfig next;
        try {
            next = loader.bind(candidate, "config");
            loader.validate(next).throwIfAny();
        } catch (ConfigException e) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    e.problems().getFirst().replaceFirst("^config: ", ""),
                    Map.of("problems", e.problems()));
        }
        HearthConfig running = current.get();
        for (ConfigSection<?> s : schema().sections()) checkChange(s, running, next);
        writeOverrides(overridesFile, overrides);
        Sections sections = next.sections();
        for (ConfigSection<?> s : schema().sections()) {
            // A section read only at start (or owned by another API) keeps its running value until the restart.
            if (s.type().isAnnotationPresent(RestartRequired.class)
                    || s.type().isAnnotationPresent(NotChangeableAtRunTime.class)) {
                sections = sections.with(
                        s.key(),
                        java.util.Objects.requireNonNull(
                                running.sections().byKey().get(s.key())));
            }
        }
        current.set(new HearthConfig(
                next.domain(),
                next.mediaDir(),
                next.downloadsDir(),
                running.dataDir(),
                running.server(),
                running.storage(),
                next.security(),
                next.rateLimits(),
                next.metrics(),
                next.logs(),
                sections));
        listeners.forEach(l -> l.accept(current.get()));
        return new Change(List.copyOf(leaves.keySet()), restart);
    }

    /** The key at {@code path}, or for a list of records (services) the first key inside it, which carries its rules. */
    private ConfigSchema.Key keyOrSection(String path) {
        try {
            return schema().keyFor(path);
        } catch (IllegalArgumentException notALeaf) {
            String template = path.replaceAll("\\[\\d+]", "[]");
            return schema().keys().stream()
                    .filter(k -> k.path().startsWith(template + "[]."))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.INVALID_INPUT,
                            path + ": unknown config key",
                            Map.of("field", path, "documentation", "docs/configuration.md")));
        }
    }

    /** What a section says is no change (seed clients PUT back the list of service names they read) is not an error. */
    private void dropUnchanged(ObjectNode patch) {
        for (ConfigSection<?> s : schema().sections()) {
            if (!s.key().contains(".") && patch.has(s.key()) && unchanged(s, patch.get(s.key()))) patch.remove(s.key());
        }
    }

    private <T extends Record> boolean unchanged(ConfigSection<T> section, JsonNode sent) {
        return section.isUnchanged(sent, current.get().section(section.type()));
    }

    private void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node instanceof ObjectNode obj && !isFreeMap(path)) {
            obj.fields()
                    .forEachRemaining(
                            e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else {
            out.put(path, node);
        }
    }

    private boolean isFreeMap(String path) {
        return schema().keys().stream().anyMatch(k -> k.path().equals(path + ".<name>"));
    }

    private static <T extends Record> void checkChange(
            ConfigSection<T> section, HearthConfig running, HearthConfig next) {
        section.checkChange(running.section(section.type()), next.section(section.type()), running);
    }

    /** A null removes a key (JSON merge patch): from the overrides, and from the candidate before its default is laid back. */
    private static void mergeInto(ObjectNode target, JsonNode source) {
        source.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (existing instanceof ObjectNode o && e.getValue().isObject()) {
                mergeInto(o, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private ObjectNode readOverrides(Path file) {
        try {
            if (Files.isRegularFile(file) && loader.yaml().readTree(file.toFile()) instanceof ObjectNode o) {
                return o;
            }
            return JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written owner-only (0600): the overrides may hold secrets set through the API. */
    private void writeOverrides(Path file, ObjectNode overrides) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            loader.yaml().writeValue(tmp.toFile(), overrides);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
            } catch (IOException ignored) {
                // the half-written copy goes at the next write
            }
            // Nothing was changed: the running config is set only after the file is written.
            throw dev.hearth.platform.storage.DiskFull.of(e, dataDir());
        }
    }
}
