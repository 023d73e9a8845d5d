package dev.hearth.media;

import java.util.List;

/** Everything playing now and what it costs: transcodes and bandwidth in kbit/s. */
public record Activity(int streamCount, int transcodes, int directPlays, long bandwidthKbps, List<Stream> streams) {
    public Activity {
        streams = List.copyOf(streams);
    }
}
