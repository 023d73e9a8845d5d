package dev.hearth.monitoring;

import java.util.List;

/**
 * Where per-container figures come from. The services feature implements it for its docker runtime
 * (it owns the engine connection); monitoring only reads. A CDI bean implementing it is found at start;
 * with none, containers are simply absent from the samples.
 */
public interface ContainerMetricsSource {
    /** The containers of the services Hearth knows, with their last figures; must answer quickly (a cached poll). */
    List<ContainerUsage> containers();
}
