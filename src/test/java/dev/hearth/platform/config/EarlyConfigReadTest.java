package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.junit.jupiter.api.Test;

/**
 * Database and FirstStart begin their work on threads of their own as the container starts, while Quarkus
 * is still to swap its static-init config for the run-time one. A MicroProfile Config lookup from such a
 * thread in that moment makes the swap fail ("configuration already registered"), and Hearth does not
 * start. So the config must already be read, on the start-up thread, before any early observer of the
 * default priority runs: this probe runs just before them and looks.
 */
@QuarkusTest
class EarlyConfigReadTest {
    @Inject
    Probe probe;

    @Test
    void theConfigIsReadOnTheStartUpThreadBeforeAnyEarlyWorkBegins() {
        assertTrue(probe.configRead, "ConfigService did not exist yet when the early observers were about to run");
    }

    @Singleton
    static class Probe {
        volatile boolean configRead;

        /** Before Database's and FirstStart's early observers (default priority), so nothing of theirs ran yet. */
        void containerStarted(
                @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) @Initialized(ApplicationScoped.class)
                        Object event) {
            configRead =
                    Arc.container()
                            .getActiveContext(ApplicationScoped.class)
                            .getState()
                            .getContextualInstances()
                            .keySet()
                            .stream()
                            .anyMatch(bean -> bean.getBeanClass().getName().equals(ConfigService.class.getName()));
        }
    }
}
