package dev.hearth.platform.config;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Every key of the configuration — the platform's {@link HearthConfig} and each registered
 * {@link ConfigSection}, down into the records that kinds choose ({@link Variants}) — read from the records
 * themselves, so the docs test, env overrides, redaction and the run-time change rules can never drift
 * from the code.
 */
public final class ConfigSchema {

    /**
     * One key: {@code path} uses {@code []} for list items and {@code <name>} for map entries; {@code variant}
     * names the kind whose settings hold it ({@code telegram}), or is empty.
     */
    public record Key(
            String path,
            Class<?> type,
            boolean secret,
            boolean restartRequired,
            String notChangeableReason,
            String variant) {
        public boolean changeable() {
            return notChangeableReason.isEmpty();
        }
    }

    /** What the walk of a tree hands a visitor: a value that is not a record, and the rules that hold for it. */
    public interface Visitor {
        /** A scalar, list or map at {@code parent.key}; {@code path} is dotted with list indices ({@code services.0.url}). */
        void value(ObjectNode parent, String key, String path, Type type, Key rules);
    }

    private record Rules(boolean secret, boolean restart, String notChangeable) {
        Rules with(AnnotatedElement e) {
            NotChangeableAtRunTime nc = e.getAnnotation(NotChangeableAtRunTime.class);
            return new Rules(
                    secret || e.isAnnotationPresent(Secret.class),
                    restart || e.isAnnotationPresent(RestartRequired.class),
                    nc != null ? nc.reason() : notChangeable);
        }
    }

    private static final Rules NONE = new Rules(false, false, "");

    private final List<ConfigSection<?>> sections;
    private final Map<Class<?>, Variants> variants = new HashMap<>();
    private final List<Key> keys;

    public ConfigSchema(List<? extends ConfigSection<?>> sections) {
        List<ConfigSection<?>> sorted = new ArrayList<>(sections);
        sorted.sort(Comparator.comparing(ConfigSection::key));
        this.sections = List.copyOf(sorted);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ConfigSection<?> s : this.sections) {
            if (!seen.add(s.key())) throw new IllegalStateException("config section registered twice: " + s.key());
            s.variants().forEach(v -> variants.put(v.owner(), v));
        }
        List<Key> all = new ArrayList<>();
        collectRecord(HearthConfig.class, "", NONE, "", all);
        for (ConfigSection<?> s : this.sections) {
            collect(s.type(), s.type(), s.key(), NONE.with(s.type()), "", all);
        }
        this.keys = List.copyOf(all);
    }

    /** The sections registered with {@link ServiceLoader} where this class was loaded from. */
    public static ConfigSchema load() {
        return load(ConfigSchema.class.getClassLoader());
    }

    public static ConfigSchema load(ClassLoader loader) {
        List<ConfigSection<?>> found = new ArrayList<>();
        ServiceLoader.load(ConfigSection.class, loader).forEach(found::add);
        return new ConfigSchema(found);
    }

    /** The same sections, those that name kinds knowing the enabled plugins' kinds too. */
    public ConfigSchema withPlugins(dev.hearth.platform.plugins.PluginJars plugins) {
        return new ConfigSchema(sections.stream()
                .<ConfigSection<?>>map(s -> s.withPlugins(plugins))
                .toList());
    }

    public List<ConfigSection<?>> sections() {
        return sections;
    }

    public List<Key> keys() {
        return keys;
    }

    /** The rules for a concrete path such as {@code services[2].credentials.password}. */
    public Key keyFor(String concretePath) {
        String template = concretePath.replaceAll("\\[\\d+]", "[]");
        for (Key k : keys) {
            if (k.path().equals(template) || matchesMapTemplate(k.path(), template)) return k;
        }
        throw new IllegalArgumentException(concretePath);
    }

    /**
     * Whether {@code concretePath} names a whole entry of a map of records, such as {@code downloads.categories.movies}:
     * what a run-time change may remove with a {@code null}.
     */
    public boolean isMapEntry(String concretePath) {
        String template = concretePath.replaceAll("\\[\\d+]", "[]");
        return keys.stream()
                .anyMatch(k -> k.path()
                                .endsWith(">." + k.path().substring(k.path().lastIndexOf('.') + 1))
                        && matchesMapTemplate(k.path().substring(0, k.path().lastIndexOf('.')), template));
    }

    /**
     * {@code rate_limits.groups.<name>.per_minute} matches {@code rate_limits.groups.auth.per_minute}: a map's
     * entry name inside a path may hold dots (category names may), one at the end may not.
     */
    private static boolean matchesMapTemplate(String keyPath, String path) {
        if (!keyPath.contains("<name>")) return false;
        String[] pieces = keyPath.split("<name>", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            regex.append(java.util.regex.Pattern.quote(pieces[i]));
            if (i < pieces.length - 1) regex.append(i == pieces.length - 2 && pieces[i + 1].isEmpty() ? "[^.]+" : ".+");
        }
        return path.matches(regex.toString());
    }

    // ---- the keys ------------------------------------------------------------------------------------

    private void collectRecord(Class<?> record, String prefix, Rules rules, String variant, List<Key> out) {
        Variants v = variants.get(record);
        for (RecordComponent c : record.getRecordComponents()) {
            if (skipped(c) || v != null && isBlock(v, c)) continue;
            collect(c.getGenericType(), c, prefix + snake(c.getName()), rules.with(c), variant, out);
        }
        if (v != null) {
            v.kinds()
                    .forEach((kind, settings) ->
                            collectRecord(settings, prefix + v.blockKey(kind) + ".", rules, kind, out));
        }
    }

    private void collect(
            Type type, AnnotatedElement annotated, String path, Rules rules, String variant, List<Key> out) {
        Class<?> raw = raw(type);
        RecordComponent only = isRecord(type) ? delegate(raw) : null;
        if (only != null) {
            collect(only.getGenericType(), only, path, rules.with(only), variant, out);
        } else if (isRecord(type)) {
            collectRecord(raw, path + ".", rules, variant, out);
        } else if (raw == List.class && isRecord(typeArgument(type, 0))) {
            collectRecord(raw(typeArgument(type, 0)), path + "[].", rules, variant, out);
        } else if (raw == Map.class && isRecord(typeArgument(type, 1))) {
            collectRecord(raw(typeArgument(type, 1)), path + ".<name>.", rules, variant, out);
        } else if (raw == Map.class) {
            out.add(new Key(
                    path + ".<name>", String.class, rules.secret(), rules.restart(), rules.notChangeable(), variant));
        } else {
            out.add(new Key(path, raw, rules.secret(), rules.restart(), rules.notChangeable(), variant));
        }
    }

    // ---- walking a tree --------------------------------------------------------------------------------

    /**
     * Visits every value of a whole config tree that is not a record, with its rules: the platform's keys at
     * the root, each section at its key. Absent sections and records are created as empty objects while they
     * are walked and removed again when nothing was put in them.
     */
    public void walk(ObjectNode root, Visitor visitor) {
        walkRecord(root, HearthConfig.class, "", NONE, "", visitor);
        for (ConfigSection<?> s : sections) {
            String[] parts = s.key().split("\\.");
            ObjectNode parent = root;
            List<ObjectNode> created = new ArrayList<>();
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.get(parts[i]);
                ObjectNode next;
                if (child instanceof ObjectNode o) {
                    next = o;
                } else {
                    next = parent.putObject(parts[i]);
                    created.add(next);
                }
                parent = next;
            }
            walkValue(parent, parts[parts.length - 1], s.key(), s.type(), NONE.with(s.type()), "", visitor);
            for (int i = parts.length - 2; i >= 0; i--) {
                ObjectNode at = child(root, parts, i);
                if (created.contains(at) && at.isEmpty())
                    child(root, parts, i - 1).remove(parts[i]);
            }
        }
    }

    private static ObjectNode child(ObjectNode root, String[] parts, int last) {
        ObjectNode n = root;
        for (int i = 0; i <= last; i++) n = (ObjectNode) n.get(parts[i]);
        return n;
    }

    private void walkRecord(
            ObjectNode node, Class<?> record, String prefix, Rules rules, String variant, Visitor visitor) {
        Variants v = variants.get(record);
        for (RecordComponent c : record.getRecordComponents()) {
            if (skipped(c) || v != null && isBlock(v, c)) continue;
            walkValue(
                    node,
                    snake(c.getName()),
                    prefix + snake(c.getName()),
                    c.getGenericType(),
                    rules.with(c),
                    variant,
                    visitor);
        }
        if (v != null) {
            String kind = node.path(snake(v.kindComponent())).asText("");
            String name = kind.isEmpty() ? v.defaultKind() : kind;
            v.kind(name)
                    .ifPresent(settings -> walkValue(
                            node, v.blockKey(name), prefix + v.blockKey(name), settings, rules, name, visitor));
        }
    }

    private void walkValue(
            ObjectNode node, String key, String path, Type type, Rules rules, String variant, Visitor visitor) {
        Class<?> raw = raw(type);
        RecordComponent only = isRecord(type) ? delegate(raw) : null;
        if (only != null) {
            walkValue(node, key, path, only.getGenericType(), rules.with(only), variant, visitor);
            return;
        }
        if (isRecord(type)) {
            JsonNode child = node.get(key);
            ObjectNode obj = child instanceof ObjectNode o ? o : node.putObject(key);
            walkRecord(obj, raw, path + ".", rules, variant, visitor);
            // An optional record nobody set (services[].runtime.docker) stays absent, not an empty one.
            if (!(child instanceof ObjectNode) && obj.isEmpty()) node.remove(key);
            return;
        }
        Key rule = new Key(template(path), raw, rules.secret(), rules.restart(), rules.notChangeable(), variant);
        visitor.value(node, key, path, type, rule);
        if (raw != List.class && raw != Map.class) return;
        JsonNode child = node.get(key);
        int itemType = raw == List.class ? 0 : 1;
        if (!isRecord(typeArgument(type, itemType))) return;
        Class<?> item = raw(typeArgument(type, itemType));
        if (child instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                if (arr.get(i) instanceof ObjectNode o)
                    walkRecord(o, item, path + "." + i + ".", rules, variant, visitor);
            }
        } else if (child instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ObjectNode o)
                    walkRecord(o, item, path + "." + e.getKey() + ".", rules, variant, visitor);
            }
        }
    }

    /** {@code services.0.credentials.password} → {@code services[].credentials.password}. */
    private static String template(String path) {
        return path.replaceAll("\\.\\d+(?=\\.|$)", "[]");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static boolean skipped(RecordComponent c) {
        return has(c, JsonIgnore.class) || c.getType() == Sections.class;
    }

    /** Jackson's annotations reach a record's field and accessor, not the component itself. */
    private static boolean has(RecordComponent c, Class<? extends java.lang.annotation.Annotation> annotation) {
        if (c.isAnnotationPresent(annotation) || c.getAccessor().isAnnotationPresent(annotation)) return true;
        try {
            return c.getDeclaringRecord().getDeclaredField(c.getName()).isAnnotationPresent(annotation);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static boolean isBlock(Variants v, RecordComponent c) {
        return v.block() != null
                ? c.getName().equals(v.block()) || snake(c.getName()).equals(v.block())
                : has(c, JsonAnySetter.class);
    }

    /** A record that stands for its one component in the file (a section that is a list, as {@code services}). */
    private static @Nullable RecordComponent delegate(Class<?> record) {
        RecordComponent[] cs = record.getRecordComponents();
        return cs.length == 1 && has(cs[0], JsonValue.class) ? cs[0] : null;
    }

    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static boolean isRecord(Type t) {
        return raw(t).isRecord() && raw(t) != ByteSize.class;
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    static Type typeArgument(Type t, int index) {
        return ((ParameterizedType) t).getActualTypeArguments()[index];
    }
}
