package dev.hearth.monitoring;

import dev.hearth.platform.live.LiveChannel;
import dev.hearth.platform.live.LiveChannels;
import jakarta.inject.Singleton;
import java.util.List;

/** The live channels monitoring publishes on, with the message types the seed's /monitoring socket uses. */
@Singleton
public class MonitoringChannels implements LiveChannels {
    @Override
    public List<LiveChannel> liveChannels() {
        return List.of(
                LiveChannel.of("system_metrics", "metrics"),
                LiveChannel.of("alerts", "alert"),
                LiveChannel.of("service_status", "status"));
    }
}
