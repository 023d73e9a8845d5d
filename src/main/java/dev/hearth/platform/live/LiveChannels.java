package dev.hearth.platform.live;

import java.util.List;

/** The channels a feature contributes to the hub: a CDI bean per feature, collected by {@link LiveHub}. */
public interface LiveChannels {
    List<LiveChannel> liveChannels();
}
