package dev.hearth.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;
    private final List<java.util.function.Consumer<HearthConfig>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        this.loader = new ConfigLoader(environment);
        this.current = new AtomicReference<>(loader.load());
        this.json = ConfigLoader.mapper(new com.fasterxml.jackson.databind.MappingJsonFactory());
    }

    /**
     * Reads the configuration on Quarkus's own start-up thread, first of all, before {@code Database} and
     * {@code FirstStart} hand their early work to threads of their own. MicroProfile Config must not be
     * read from another thread then: Quarkus swaps its static-init config for the run-time one, and a
     * lookup that falls between the two registers a config of its own, so the swap fails and Hearth does
     * not start ("configuration already registered"). Read here, the settings are in memory for them.
     */
    void readEarly(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object containerStarted) {
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

    /** The config as the API shows it: snake_case, secrets redacted, services by name as the seeds show. */
    public ObjectNode redactedView() {
        ObjectNode tree = json.valueToTree(current.get());
        redact(tree, "");
        ArrayNode names = tree.putArray("services");
        current.get().services().forEach(s -> names.add(s.name()));
        return tree;
    }

    private void redact(JsonNode node, String path) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (isSecret(child) && !(e.getValue().isTextual() && e.getValue().asText().isEmpty())) {
                    e.setValue(e.getValue().isObject() ? maskAll((ObjectNode) e.getValue()) : TextNode.valueOf(REDACTED));
                } else {
                    redact(e.getValue(), child);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                redact(arr.get(i), path + "[" + i + "]");
            }
        }
    }

    private static ObjectNode maskAll(ObjectNode secretMap) {
        ObjectNode masked = JsonNodeFactory.instance.objectNode();
        secretMap.fieldNames().forEachRemaining(k -> masked.put(k, REDACTED));
        return masked;
    }

    private static boolean isSecret(String path) {
        try {
            return ConfigSchema.keyFor(path).secret();
        } catch (IllegalArgumentException notALeaf) {
            return false;
        }
    }

    /** What a change did: the keys written, and those that wait for a restart. */
    public record Change(List<String> updated, List<String> restartRequired) {}

    /**
     * Applies a partial config (nested keys as in hearth.yml). Refuses unknown keys, keys another API owns,
     * and keys pinned by an environment variable, naming each; nothing is written unless all of it is valid.
     */
    public synchronized Change change(JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject) || patch.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_INPUT, "Send a JSON object of config keys to change, as in hearth.yml");
        }
        dropUnchangedServiceNames(patchObject);
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten(patchObject, "", leaves);
        List<String> restart = new ArrayList<>();
        for (String path : leaves.keySet()) {
            ConfigSchema.Key key = keyOrSection(path);
            if (!key.changeable()) {
                throw new ApiException(ErrorCode.INVALID_INPUT, path + ": cannot be changed here: " + key.notChangeableReason(), Map.of("field", path));
            }
            String property = "hearth." + path;
            if (environment.property().apply(property).isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, path + ": set by the environment (" + ConfigEnvironment.envName(property)
                        + "), which wins over run-time changes; change it there", Map.of("field", path));
            }
            if (key.restartRequired()) restart.add(path);
        }
        Path overridesFile = dataDir().resolve(ConfigLoader.OVERRIDES_FILE);
        ObjectNode overrides = readOverrides(overridesFile);
        mergeInto(overrides, patchObject);
        ObjectNode candidate = loader.defaults();
        mergeInto(candidate, json.valueToTree(current.get()));
        mergeInto(candidate, patchObject);
        HearthConfig next;
        try {
            next = loader.bind(candidate, "config");
            List<String> problems = ConfigValidator.validate(next);
            if (!problems.isEmpty()) throw new ConfigException(problems);
        } catch (ConfigException e) {
            throw new ApiException(ErrorCode.INVALID_INPUT, e.problems().getFirst().replaceFirst("^config: ", ""),
                    Map.of("problems", e.problems()));
        }
        writeOverrides(overridesFile, overrides);
        HearthConfig running = current.get();
        current.set(new HearthConfig(next.domain(), next.mediaDir(), next.downloadsDir(), running.dataDir(), running.server(),
                running.storage(), next.security(), next.rateLimits(), next.metrics(), next.logs(), next.downloads(),
                next.monitoring(), running.notifications(), running.services(), running.docker(), running.assistant(), next.mcp(),
                next.backups(), running.dns(), next.minecraft()));
        listeners.forEach(l -> l.accept(current.get()));
        return new Change(List.copyOf(leaves.keySet()), restart);
    }

    /** The key at {@code path}, or for a list of records (services) the first key inside it, which carries its rules. */
    private static ConfigSchema.Key keyOrSection(String path) {
        try {
            return ConfigSchema.keyFor(path);
        } catch (IllegalArgumentException notALeaf) {
            String template = path.replaceAll("\\[\\d+]", "[]");
            return ConfigSchema.keys().stream()
                    .filter(k -> k.path().startsWith(template + "[]."))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCode.INVALID_INPUT, path + ": unknown config key",
                            Map.of("field", path, "documentation", "docs/configuration.md")));
        }
    }

    /** Seed clients PUT back the list of service names they read; that is no change and not an error. */
    private void dropUnchangedServiceNames(ObjectNode patch) {
        JsonNode services = patch.get("services");
        if (services instanceof ArrayNode arr) {
            List<String> sent = new ArrayList<>();
            arr.forEach(n -> sent.add(n.asText()));
            List<String> names = current.get().services().stream().map(HearthConfig.ServiceEntry::name).toList();
            boolean allText = true;
            for (JsonNode n : arr) allText &= n.isTextual();
            if (allText && sent.equals(names)) patch.remove("services");
        }
    }

    private static void flatten(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node instanceof ObjectNode obj && !isFreeMap(path)) {
            obj.fields().forEachRemaining(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else {
            out.put(path, node);
        }
    }

    private static boolean isFreeMap(String path) {
        return ConfigSchema.keys().stream().anyMatch(k -> k.path().equals(path + ".<name>"));
    }

    private static void mergeInto(ObjectNode target, JsonNode source) {
        source.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue().isObject()) {
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

    private void writeOverrides(Path file, ObjectNode overrides) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            loader.yaml().writeValue(tmp.toFile(), overrides);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
