package dev.hearth.platform.integration;

import java.util.List;

/**
 * What a kind offers a feature, known before any instance exists: the feature's interface ({@code api}),
 * which the kind's instances implement, and facts about how it does it that the feature decides by (a
 * download client that fetches plain links, one that reports peers). Features define their own
 * capability records; the core asks for them, never for a kind's name.
 */
public interface Capability {
    Class<?> api();

    /** The facts, as words for the API's listing. */
    default List<String> traits() {
        return List.of();
    }

    /** A capability with no facts beyond its interface. */
    static Capability of(Class<?> api) {
        return new Plain(api);
    }

    record Plain(Class<?> api) implements Capability {}
}
