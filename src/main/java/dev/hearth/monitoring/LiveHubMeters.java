package dev.hearth.monitoring;

import dev.hearth.platform.live.LiveHub;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/** The live hub's own figures: connected clients and slow clients dropped. */
@Singleton
class LiveHubMeters {
    private final LiveHub hub;
    private final AtomicBoolean registered = new AtomicBoolean();

    LiveHubMeters(LiveHub hub) {
        this.hub = hub;
    }

    void register(MeterRegistry registry) {
        if (!registered.compareAndSet(false, true)) return;
        Gauge.builder("hearth_live_clients", hub, LiveHub::clients)
                .description("Connected WebSocket clients")
                .register(registry);
        FunctionCounter.builder("hearth_live_dropped_clients", hub, LiveHub::dropped)
                .description("WebSocket clients closed for reading too slowly")
                .register(registry);
    }
}
