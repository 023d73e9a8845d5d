package dev.hearth.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.downloads.DownloadChannels;
import dev.hearth.monitoring.MonitoringChannels;
import dev.hearth.platform.live.LiveChannel;
import dev.hearth.platform.live.LiveHub;
import java.util.ArrayList;
import java.util.List;

/** A live hub with the channels the features contribute, for tests that run without Quarkus. */
public final class TestLive {
    private TestLive() {}

    public static LiveHub hub(ObjectMapper json, int maxUnsent) {
        return new LiveHub(json, maxUnsent, channels());
    }

    /** The channels monitoring and downloads contribute. */
    public static List<LiveChannel> channels() {
        List<LiveChannel> channels = new ArrayList<>(new MonitoringChannels().liveChannels());
        channels.addAll(new DownloadChannels().liveChannels());
        return channels;
    }
}
