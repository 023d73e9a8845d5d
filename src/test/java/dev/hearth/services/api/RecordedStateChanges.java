package dev.hearth.services.api;

import dev.hearth.platform.events.EventListener;
import dev.hearth.services.ServiceStateChanged;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the state changes the event bus delivers, as any listening feature would receive them. */
@Singleton
public class RecordedStateChanges implements EventListener<ServiceStateChanged> {
    static final List<ServiceStateChanged> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public Class<ServiceStateChanged> type() {
        return ServiceStateChanged.class;
    }

    @Override
    public void on(ServiceStateChanged event) {
        SEEN.add(event);
    }
}
