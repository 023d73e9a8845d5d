package dev.hearth.platform.config;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A block of settings whose record depends on a kind named beside it: {@code services[].credentials} by the
 * service's {@code integration}, {@code notifications.channels[].<type>} by the channel's {@code type}.
 * The owner record holds the block unbound (a JSON tree, or a map of trees by kind); the schema knows the
 * kinds' records, so environment overrides, redaction and the documented keys reach into the block.
 *
 * @param owner         the record that holds the kind and the block
 * @param kindComponent the owner's component naming the kind
 * @param defaultKind   the kind when none is named, or empty
 * @param block         the component holding the block; null when the block's key is the kind's own name
 * @param kinds         the record of each kind's settings, by kind name
 */
public record Variants(
        Class<? extends Record> owner,
        String kindComponent,
        String defaultKind,
        @Nullable String block,
        Map<String, Class<? extends Record>> kinds) {

    public Variants {
        kinds = Map.copyOf(kinds);
    }

    public Optional<Class<? extends Record>> kind(String name) {
        return Optional.ofNullable(kinds.get(name.isEmpty() ? defaultKind : name));
    }

    /** The key under the owner where kind {@code name}'s settings sit. */
    public String blockKey(String name) {
        return block != null ? block : name;
    }
}
