package dev.hearth.services;

import dev.hearth.platform.integration.Reading;

/**
 * A consumer of the one poll: a feature that keeps what a capability's readings say (downloads writes a
 * download client's tasks to its store). Called on the poller's thread after each poll of every service,
 * in turn; a consumer that wants only its capability checks {@code service.integration()}.
 */
public interface ReadingListener {
    void onReading(ServiceRegistry.Bound service, Reading reading);
}
