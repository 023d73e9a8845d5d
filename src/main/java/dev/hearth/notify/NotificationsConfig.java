package dev.hearth.notify;

import dev.hearth.platform.config.RestartRequired;
import java.time.Duration;
import java.util.List;

/**
 * The {@code notifications} section: where notifications go. Read once at start (the sender keeps
 * per-channel rate state), hence restart. {@code dedup_window}: repeats of one dedup key and level within
 * it collapse into one message.
 */
@RestartRequired
public record NotificationsConfig(Duration dedupWindow, List<ChannelConfig> channels) {
    public NotificationsConfig {
        dedupWindow = dedupWindow == null ? Duration.ofMinutes(5) : dedupWindow;
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
