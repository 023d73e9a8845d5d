package dev.hearth.platform.live;

import java.util.List;

/**
 * A channel a feature publishes on: its name on {@code /ws}, its message type on the seed's
 * {@code /monitoring} socket, and the fields a keyed message's key is also sent as (the task id of
 * {@code task_updates} as {@code taskId} and {@code task_id}, the names the seeds' clients read).
 */
public record LiveChannel(String name, String seedType, List<String> keyFields) {
    public LiveChannel {
        keyFields = List.copyOf(keyFields);
    }

    public static LiveChannel of(String name, String seedType) {
        return new LiveChannel(name, seedType, List.of());
    }
}
