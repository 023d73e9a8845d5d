package dev.hearth.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The bound value of every registered {@link ConfigSection}, by key and by record type. Immutable. */
public final class Sections {
    private static final Sections NONE = new Sections(Map.of());

    private final Map<String, Record> byKey;

    public Sections(Map<String, ? extends Record> byKey) {
        this.byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public static Sections none() {
        return NONE;
    }

    public <T extends Record> T get(Class<T> type) {
        for (Record r : byKey.values()) {
            if (type.isInstance(r)) return type.cast(r);
        }
        throw new IllegalStateException("no config section of type " + type.getName()
                + " is registered (META-INF/services/" + ConfigSection.class.getName() + ")");
    }

    /** Sections in key order. */
    public Map<String, Record> byKey() {
        return byKey;
    }

    /** This, with the value at {@code key} replaced. */
    public Sections with(String key, Record value) {
        Map<String, Record> next = new LinkedHashMap<>(byKey);
        next.put(key, value);
        return new Sections(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sections s && s.byKey.equals(byKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byKey);
    }

    @Override
    public String toString() {
        return "Sections" + byKey.keySet();
    }
}
