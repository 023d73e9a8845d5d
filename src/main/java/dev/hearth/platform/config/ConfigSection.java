package dev.hearth.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A section of {@code hearth.yml} that a feature owns: its key, its record (defaults, secrets marked with
 * {@link Secret}, run-time rules with {@link RestartRequired} and {@link NotChangeableAtRunTime} on the
 * record or its components) and its checks. Registered with one line in
 * {@code META-INF/services/dev.hearth.platform.config.ConfigSection}, so it is read and checked in
 * {@code Hearth.main} before Quarkus starts; inside the application the feature reads it with
 * {@code config.current().section(Type.class)}. Environment overrides ({@code HEARTH_<KEY>_...}),
 * redaction and {@code ConfigDocumentationTest} are derived from the record like every other key.
 *
 * @param <T> the section's record
 */
public interface ConfigSection<T extends Record> {

    /**
     * This section as it must read a configuration where the enabled plugins' kinds count too (a section whose
     * entries name kinds answers a copy that knows them); most sections have nothing to add.
     */
    default ConfigSection<T> withPlugins(dev.hearth.platform.plugins.PluginJars plugins) {
        return this;
    }

    /** Where it sits in hearth.yml: {@code downloads}, or a nested section such as {@code monitoring.live}. */
    String key();

    Class<T> type();

    /** The value when hearth.yml says nothing; the file's keys are laid over it. */
    T defaults();

    /**
     * Checks the bound value; keys are relative to the section ({@code poll_interval}). {@code config} is the
     * whole configuration, for a rule that spans sections (a service's docker endpoint must be configured).
     */
    default void validate(T section, HearthConfig config, Problems problems) {
        if (section instanceof Validated v) v.validate(problems);
    }

    /**
     * Checks a run-time change against the running value, beyond {@link #validate}: what hearth.yml may set but the
     * API may not (a category's save path outside the download roots). Throws an {@code ApiException} to refuse it.
     */
    default void checkChange(T running, T next, HearthConfig runningConfig) {}

    /** Settings whose record a kind chooses (a service's credentials, a channel's block); see {@link Variants}. */
    default List<Variants> variants() {
        return List.of();
    }

    /** Rewrites the section's tree before it is bound: a shorthand into its long form (a channel URL into its block). */
    default void normalize(ObjectNode tree, Problems problems) {}

    /** How {@code GET /api/v1/config} shows the section, given its tree with the secrets already masked. */
    default JsonNode view(T section, JsonNode redacted) {
        return redacted;
    }

    /** Whether a run-time change sent for this section is no change at all (a seed client sending back what it read). */
    default boolean isUnchanged(JsonNode sent, T current) {
        return false;
    }
}
