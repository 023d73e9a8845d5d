package dev.hearth.platform.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every key of {@link HearthConfig}, read from the records themselves, so the docs test, env overrides,
 * redaction and the run-time change rules can never drift from the code.
 */
public final class ConfigSchema {

    /** One key: {@code path} uses {@code []} for list items and {@code <name>} for map entries. */
    public record Key(String path, Class<?> type, boolean secret, boolean restartRequired, String notChangeableReason) {
        public boolean changeable() {
            return notChangeableReason.isEmpty();
        }
    }

    private ConfigSchema() {}

    public static List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        collect(HearthConfig.class, "", false, false, "", keys);
        return keys;
    }

    /** The rules for a concrete path such as {@code services[2].credentials.password}. */
    public static Key keyFor(String concretePath) {
        String template = concretePath.replaceAll("\\[\\d+]", "[]");
        for (Key k : keys()) {
            if (k.path().equals(template) || matchesMapTemplate(k.path(), template)) return k;
        }
        throw new IllegalArgumentException(concretePath);
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

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static boolean isRecord(Type t) {
        return t instanceof Class<?> c && c.isRecord() && c != ByteSize.class;
    }

    static Type typeArgument(Type t, int index) {
        return ((ParameterizedType) t).getActualTypeArguments()[index];
    }

    private static void collect(Class<?> record, String prefix, boolean secret, boolean restart, String notChangeable, List<Key> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + snake(c.getName());
            boolean s = secret || c.isAnnotationPresent(Secret.class);
            boolean r = restart || c.isAnnotationPresent(RestartRequired.class);
            NotChangeableAtRunTime nc = c.getAnnotation(NotChangeableAtRunTime.class);
            String reason = nc != null ? nc.reason() : notChangeable;
            Type type = c.getGenericType();
            if (isRecord(type)) {
                collect((Class<?>) type, path + ".", s, r, reason, out);
            } else if (c.getType() == List.class && isRecord(typeArgument(type, 0))) {
                collect((Class<?>) typeArgument(type, 0), path + "[].", s, r, reason, out);
            } else if (c.getType() == Map.class && isRecord(typeArgument(type, 1))) {
                collect((Class<?>) typeArgument(type, 1), path + ".<name>.", s, r, reason, out);
            } else if (c.getType() == Map.class) {
                out.add(new Key(path + ".<name>", String.class, s, r, reason));
            } else {
                out.add(new Key(path, c.getType(), s, r, reason));
            }
        }
    }
}
