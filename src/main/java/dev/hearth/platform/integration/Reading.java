package dev.hearth.platform.integration;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of an integration found: its health (with when it was checked) and, when the upstream
 * answered, the capability's data (a download client's {@code ClientSnapshot}).
 */
public record Reading(Health health, @Nullable Object data) {

    public static Reading of(Health health) {
        return new Reading(health, null);
    }

    public <T> Optional<T> data(Class<T> type) {
        return type.isInstance(data) ? Optional.of(type.cast(data)) : Optional.empty();
    }
}
