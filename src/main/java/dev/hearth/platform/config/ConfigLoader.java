package dev.hearth.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hearth.platform.plugins.PluginJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the one {@link HearthConfig} from, in rising precedence: the embedded defaults, {@code hearth.yml}
 * (or {@code HEARTH_CONFIG}), the run-time changes saved in the data dir, and environment variables or
 * properties ({@code HEARTH_SERVER_PORT}, {@code hearth.server.port}). {@code ${VAR}} and
 * {@code ${VAR:-default}} in hearth.yml's values are taken from the environment; the run-time changes are
 * taken literally.
 */
public final class ConfigLoader {
    public static final String OVERRIDES_FILE = "config-overrides.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    /** Short names documented in the README for the settings people set most. */
    private static final Map<String, String> ALIASES = Map.of(
            "server.port", "HEARTH_PORT",
            "data_dir", "HEARTH_DATA_DIR",
            "security.admin_api_key", "HEARTH_ADMIN_API_KEY");

    private final ConfigEnvironment environment;
    private final ObjectMapper yaml;
    private final ConfigSchema schema;
    private final PluginJars plugins;

    /** With the sections registered in {@code META-INF/services}; no plugin's kind counts (see {@link #withPlugins}). */
    public ConfigLoader(ConfigEnvironment environment) {
        this(environment, ConfigSchema.load());
    }

    public ConfigLoader(ConfigEnvironment environment, ConfigSchema schema) {
        this(environment, schema, PluginJars.none());
    }

    private ConfigLoader(ConfigEnvironment environment, ConfigSchema schema, PluginJars plugins) {
        this.environment = environment;
        this.yaml = mapper(new YAMLFactory());
        this.schema = schema;
        this.plugins = plugins;
    }

    /**
     * A loader for which the enabled plugins' kinds are known: the plugins directory ({@code plugins.directory},
     * else {@code <data_dir>/plugins}) and the owner's choices ({@code <data_dir>/plugins.json}) are read from the
     * configuration as it stands before binding, and each enabled jar gets its class loader, once. Hearth.main and
     * the application's ConfigService use this; so a plugin's channel or integration kind may be named in hearth.yml.
     */
    public static ConfigLoader withPlugins(ConfigEnvironment environment) {
        ConfigLoader plain = new ConfigLoader(environment);
        ObjectNode tree = plain.tree();
        Path dataDir = Path.of(tree.path("data_dir").asText("./data"));
        String configured = tree.path("plugins").path("directory").asText("");
        Path directory = configured.isBlank() ? dataDir.resolve("plugins") : Path.of(configured);
        PluginJars jars = PluginJars.open(directory, dataDir.resolve("plugins.json"));
        if (jars.jars().isEmpty()) return plain;
        return new ConfigLoader(environment, plain.schema.withPlugins(jars), jars);
    }

    /** The plugin jars whose kinds this loader knows (none for a plain loader). */
    public PluginJars plugins() {
        return plugins;
    }

    public ConfigSchema schema() {
        return schema;
    }

    /** The mapper that reads and writes config trees: snake_case keys, unknown keys refused. */
    public static ObjectMapper mapper(com.fasterxml.jackson.core.JsonFactory factory) {
        SimpleModule units = new SimpleModule("hearth-config-units")
                .addDeserializer(Duration.class, new JsonDeserializer<>() {
                    @Override
                    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                        return Durations.parse(p.getValueAsString());
                    }
                })
                .addSerializer(
                        Duration.class,
                        new com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase(Duration.class) {
                            @Override
                            public String valueToString(Object value) {
                                return Durations.format((Duration) value);
                            }
                        })
                .addSerializer(Path.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance)
                .addDeserializer(Path.class, new JsonDeserializer<>() {
                    @Override
                    public Path deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                        return Path.of(p.getValueAsString());
                    }
                });
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(units)
                .build();
    }

    /** The file Hearth reads, if any: {@code HEARTH_CONFIG}, else {@code ./hearth.yml} when present. */
    public Optional<Path> configFile() {
        Optional<String> named = environment
                .property()
                .apply("hearth.config")
                .or(() -> environment.env().apply("HEARTH_CONFIG"));
        if (named.isPresent()) {
            Path p = Path.of(named.get());
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("HEARTH_CONFIG: no such file '" + p + "'");
            }
            return Optional.of(p);
        }
        Path local = Path.of("hearth.yml");
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    /** What hearth.yml sets, its {@code ${VAR}}s expanded; empty without a file. For telling where a value comes from. */
    public ObjectNode fileTree() {
        Optional<Path> file = configFile();
        return file.isPresent() && substitute(read(file.get()), "") instanceof ObjectNode o
                ? o
                : JsonNodeFactory.instance.objectNode();
    }

    public HearthConfig load() {
        ObjectNode tree = tree();
        HearthConfig config = bind(tree, configFile().map(Path::toString).orElse("hearth.yml"));
        validate(config).throwIfAny();
        return config;
    }

    /** The configuration as a tree, before binding: defaults, hearth.yml, the run-time changes, the environment. */
    private ObjectNode tree() {
        ObjectNode tree = defaults();
        Optional<Path> file = configFile();
        if (file.isPresent()) {
            merge(tree, substitute(read(file.get()), ""));
        }
        applyOverrides(tree);
        Path overrides = Path.of(tree.path("data_dir").asText("./data")).resolve(OVERRIDES_FILE);
        if (Files.isRegularFile(overrides)) {
            // Literal: what was written through the API is never expanded, or an admin key could read the
            // environment's secrets (PATCH {"domain": "${PG_PASSWORD}"}, restart, GET /config).
            merge(tree, read(overrides));
            applyOverrides(tree);
        }
        return tree;
    }

    /** Every violation of a bound config: the platform's keys, then each section's. */
    public Problems validate(HearthConfig config) {
        Problems problems = new Problems();
        ConfigValidator.validate(config).forEach(p -> problems.add("", p));
        for (ConfigSection<?> s : schema.sections()) {
            validateSection(s, config, problems.at(s.key()));
        }
        return problems;
    }

    private static <T extends Record> void validateSection(
            ConfigSection<T> section, HearthConfig config, Problems problems) {
        section.validate(config.section(section.type()), config, problems);
    }

    /**
     * Binds a tree to the typed config: each section's subtree to its record (the longest keys first, so
     * {@code monitoring.live} is taken out of {@code monitoring}), the rest to the platform's keys. Every
     * section's first binding failure is one line naming its key.
     */
    public HearthConfig bind(JsonNode tree, String source) {
        ObjectNode rest = tree.deepCopy();
        Map<String, Record> bound = new java.util.LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<ConfigSection<?>> deepestFirst = new ArrayList<>(schema.sections());
        deepestFirst.sort(java.util.Comparator.comparingInt(
                        (ConfigSection<?> s) -> s.key().split("\\.").length)
                .reversed());
        for (ConfigSection<?> s : deepestFirst) {
            JsonNode sub = take(rest, s.key());
            try {
                bound.put(s.key(), bindSection(s, sub, source));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        HearthConfig core = null;
        try {
            core = yaml.treeToValue(rest, HearthConfig.class);
        } catch (UnrecognizedPropertyException e) {
            problems.add(source + ": " + keyOf(e) + ": "
                    + (e.getPath().size() == 1 ? unknownTopLevel() : problemOf(e, valueAt(rest, e))));
        } catch (JsonMappingException e) {
            problems.add(source + ": " + keyOf(e) + ": " + problemOf(e, valueAt(rest, e)));
        } catch (JsonProcessingException e) {
            problems.add(source + ": " + e.getOriginalMessage());
        }
        if (!problems.isEmpty() || core == null) throw new ConfigException(problems);
        Map<String, Record> ordered = new java.util.LinkedHashMap<>();
        schema.sections().forEach(s -> ordered.put(s.key(), bound.get(s.key())));
        return core.withSections(new Sections(ordered));
    }

    private <T extends Record> T bindSection(ConfigSection<T> section, JsonNode sub, String source) {
        Problems problems = new Problems().at(source + ": " + section.key());
        if (sub instanceof ObjectNode obj) {
            section.normalize(obj, problems);
            problems.throwIfAny();
        }
        try {
            return yaml.treeToValue(sub, section.type());
        } catch (JsonMappingException e) {
            String key = keyOf(e);
            throw new ConfigException(
                    source + ": " + section.key() + (key.startsWith("[") || key.equals("(top level)") ? "" : ".")
                            + (key.equals("(top level)") ? "" : key) + ": " + problemOf(e, valueAt(sub, e)));
        } catch (JsonProcessingException e) {
            problems.add("", e.getOriginalMessage());
            throw new ConfigException(problems.list());
        }
    }

    private String unknownTopLevel() {
        java.util.TreeSet<String> known = new java.util.TreeSet<>();
        for (java.lang.reflect.RecordComponent c : HearthConfig.class.getRecordComponents()) {
            if (c.getType() != Sections.class) known.add(ConfigSchema.snake(c.getName()));
        }
        schema.sections().forEach(s -> known.add(s.key().split("\\.")[0]));
        return "unknown key (known keys here: " + String.join(", ", known) + ")";
    }

    /** Removes and answers the subtree at a dotted key, or an empty object when there is none. */
    private static JsonNode take(ObjectNode root, String dottedKey) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(parent.get(parts[i]) instanceof ObjectNode o)) return JsonNodeFactory.instance.objectNode();
            parent = o;
        }
        JsonNode found = parent.remove(parts[parts.length - 1]);
        return found == null ? JsonNodeFactory.instance.objectNode() : found;
    }

    /** The config as a tree in the file's shape: the platform's keys and every section at its key. */
    public ObjectNode tree(HearthConfig config) {
        ObjectNode tree = yaml.valueToTree(config);
        List<ConfigSection<?>> shallowFirst = new ArrayList<>(schema.sections());
        shallowFirst.sort(java.util.Comparator.comparingInt(s -> s.key().split("\\.").length));
        for (ConfigSection<?> s : shallowFirst) {
            put(tree, s.key(), yaml.valueToTree(config.sections().byKey().get(s.key())));
        }
        return tree;
    }

    private static void put(ObjectNode root, String dottedKey, JsonNode value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.get(parts[i]) instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

    /** The embedded defaults: the platform's file, then each section's {@code defaults()} at its key. */
    public ObjectNode defaults() {
        ObjectNode tree;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/hearth-defaults.yml")) {
            if (in == null) throw new IllegalStateException("hearth-defaults.yml missing from the build");
            tree = (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigSection<?>> shallowFirst = new ArrayList<>(schema.sections());
        shallowFirst.sort(java.util.Comparator.comparingInt(s -> s.key().split("\\.").length));
        for (ConfigSection<?> s : shallowFirst) {
            put(tree, s.key(), yaml.valueToTree(s.defaults()));
        }
        return tree;
    }

    public ObjectMapper yaml() {
        return yaml;
    }

    private ObjectNode read(Path file) {
        try {
            JsonNode node = yaml.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the top level must be a mapping of keys, not a "
                        + node.getNodeType().name().toLowerCase());
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException(file + where + ": not valid YAML (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private JsonNode substitute(JsonNode node, String path) {
        if (node.isTextual()) {
            return TextNode.valueOf(expand(node.asText(), path));
        }
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(substitute(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
            }
        } else if (node.isArray()) {
            ArrayNode arr = (ArrayNode) node;
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, substitute(arr.get(i), path + "[" + i + "]"));
            }
        }
        return node;
    }

    private String expand(String value, String path) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Optional<String> v = environment.env().apply(name);
            if (v.isEmpty() && m.group(2) == null) {
                throw new ConfigException(path + ": environment variable " + name + " is not set (write ${" + name
                        + ":-default} for a fallback)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.orElse(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void merge(ObjectNode target, JsonNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Walks the records against the tree and lets a property or environment variable replace any value. */
    private void applyOverrides(ObjectNode tree) {
        schema.walk(tree, (parent, key, path, type, rule) -> {
            Class<?> raw = rule.type();
            Optional<String> whole = lookup(path);
            if (raw == List.class || raw == Map.class) {
                whole.ifPresent(v -> parent.set(key, parseStructured(path, v, raw == List.class)));
                if (raw == Map.class
                        && !ConfigSchema.isRecord(ConfigSchema.typeArgument(type, 1))
                        && parent.get(key) instanceof ObjectNode obj) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        lookup(path + "." + e.getKey()).ifPresent(v -> e.setValue(TextNode.valueOf(v)));
                    }
                }
            } else {
                whole.ifPresent(v -> parent.set(key, scalar(v, raw)));
            }
        });
    }

    private Optional<String> lookup(String path) {
        Optional<String> alias = Optional.ofNullable(ALIASES.get(path)).flatMap(environment.env());
        return environment.property().apply("hearth." + path).or(() -> alias);
    }

    /** A list or map given whole in one variable: JSON or YAML, or a comma-separated list of words. */
    private JsonNode parseStructured(String path, String text, boolean list) {
        try {
            JsonNode node = yaml.readTree(text);
            if (list && node != null && node.isArray() || !list && node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException ignored) {
            // not YAML: fall through to the comma form
        }
        if (list) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(arr::add);
            return arr;
        }
        throw new ConfigException(
                path + ": expected a mapping (JSON or YAML) in the environment variable, got '" + text + "'");
    }

    private static JsonNode scalar(String value, Class<?> type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            try {
                return f.numberNode(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return f.textNode(value);
            }
        }
        if (type == double.class || type == Double.class) {
            try {
                return f.numberNode(Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                return f.textNode(value);
            }
        }
        if (type == boolean.class || type == Boolean.class) {
            return switch (value.trim().toLowerCase()) {
                case "true", "yes", "on", "1" -> f.booleanNode(true);
                case "false", "no", "off", "0" -> f.booleanNode(false);
                default -> f.textNode(value);
            };
        }
        return f.textNode(value);
    }

    static String keyOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (!b.isEmpty()) b.append('.');
                b.append(r.getFieldName());
            }
        }
        return b.isEmpty() ? "(top level)" : b.toString();
    }

    /** The offending value as written, when the failure points at a scalar in the tree. */
    private static Optional<String> valueAt(JsonNode tree, JsonMappingException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : e.getPath()) {
            node = r.getIndex() >= 0
                    ? node.path(r.getIndex())
                    : node.path(r.getFieldName() == null ? "" : r.getFieldName());
        }
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    static String problemOf(JsonMappingException e, Optional<String> value) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return "unknown key (known keys here: " + known.stream().sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + friendly(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return firstLine(String.valueOf(v.getCause().getMessage()));
        }
        if (e.getCause() instanceof IllegalArgumentException iae) {
            return firstLine(String.valueOf(iae.getMessage()));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return value.map(v -> "'" + v + "' is not a valid " + friendly(m.getTargetType()))
                    .orElse("expected " + friendly(m.getTargetType()));
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String friendly(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class)
            return "whole number";
        if (type == boolean.class || type == Boolean.class) return "boolean (true or false)";
        if (type == String.class) return "text value";
        if (List.class.isAssignableFrom(type)) return "list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "mapping of keys";
        return type.getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid value";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
