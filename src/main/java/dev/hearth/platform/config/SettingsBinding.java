package dev.hearth.platform.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds a block of settings (a kind's: a service's credentials, a channel's block) to its record the way
 * hearth.yml is bound: snake_case keys, unknown keys refused, durations and sizes as people write them.
 */
public final class SettingsBinding {
    /** Immutable once built; shared by every binding. */
    private static final ObjectMapper MAPPER = ConfigLoader.mapper(new JsonFactory());

    private SettingsBinding() {}

    /** The record, and when it is {@link Validated} its own checks too; every problem goes to {@code problems}. */
    public static <S extends Record> Optional<S> bind(@Nullable JsonNode tree, Class<S> type, Problems problems) {
        JsonNode block =
                tree == null || tree.isNull() || tree.isMissingNode() ? JsonNodeFactory.instance.objectNode() : tree;
        try {
            S bound = MAPPER.treeToValue(block, type);
            if (bound instanceof Validated v) v.validate(problems);
            return Optional.of(bound);
        } catch (JsonMappingException e) {
            String key = ConfigLoader.keyOf(e);
            problems.add(key.equals("(top level)") ? "" : key, ConfigLoader.problemOf(e, Optional.empty()));
        } catch (JsonProcessingException e) {
            problems.add("", e.getOriginalMessage());
        }
        return Optional.empty();
    }

    /** As {@link #bind(JsonNode, Class, Problems)}, throwing every problem at once; {@code where} prefixes their keys. */
    public static <S extends Record> S bind(@Nullable JsonNode tree, Class<S> type, String where) {
        Problems problems = new Problems();
        Optional<S> bound = bind(tree, type, problems.at(where));
        problems.throwIfAny();
        return bound.orElseThrow();
    }

    /** A record as a tree in hearth.yml's shape. */
    public static JsonNode tree(Record value) {
        return MAPPER.valueToTree(value);
    }
}
