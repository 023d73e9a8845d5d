package dev.hearth.services;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a feature needs a service polled, when more often than its {@code check_interval}: downloads
 * asks for its clients every {@code downloads.poll_interval}. The poller takes the shortest interval asked.
 */
public interface PollCadence {
    Optional<Duration> interval(ServiceRegistry.Bound service);
}
