package dev.hearth.notify.internal;

import dev.hearth.platform.config.Secret;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The secret values of one channel's config, found by the {@link Secret} marks, so every failure reason is
 * scrubbed of them before it is stored, logged or answered, whatever an upstream or library put in it.
 */
public final class Secrets {
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets of(Record config) {
        List<String> found = new ArrayList<>();
        collect(config, false, found);
        // Longest first, so a secret containing another is replaced whole.
        found.sort((a, b) -> b.length() - a.length());
        return new Secrets(List.copyOf(found));
    }

    public String scrub(String text) {
        String s = text;
        for (String v : values) s = s.replace(v, "********");
        return s;
    }

    private static void collect(Object value, boolean secret, List<String> out) {
        switch (value) {
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        Object v = c.getAccessor().invoke(r);
                        if (v != null) collect(v, secret || c.isAnnotationPresent(Secret.class), out);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + c.getName(), e);
                    }
                }
            }
            case Collection<?> list -> list.forEach(v -> collect(v, secret, out));
            case Map<?, ?> map -> map.values().forEach(v -> collect(v, secret, out));
            case String s when secret && s.length() >= 4 -> out.add(s);
            default -> {}
        }
    }
}
