package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Changes to a service's display settings or URL made at run time, kept over hearth.yml. A new URL is
 * checked first (Home Assistant's config flow): if the service does not answer there, nothing is saved.
 */
@Singleton
public class ServiceConfigurator {
    private final ServiceRegistry registry;
    private final ConfigService config;
    private final ServiceSettings settings;
    private final ObjectMapper json;

    public ServiceConfigurator(
            ServiceRegistry registry, ConfigService config, ServiceSettings settings, ObjectMapper json) {
        this.registry = registry;
        this.config = config;
        this.settings = settings;
        this.json = json;
    }

    /** What {@code GET /services/{name}/config} shows: the settings in force, credentials left out. */
    public ServiceSettingsView settingsOf(String name) {
        ServiceRegistry.Bound b = registry.require(name);
        return ServiceEdits.view(b.service(), b.entry());
    }

    public synchronized ServiceSettingsView configure(String name, JsonNode changes, String by) {
        ServiceRegistry.Bound b = registry.require(name);
        ObjectNode stored = settings.all().getOrDefault(name, json.createObjectNode());
        ObjectNode merged = stored.deepCopy();
        merged.setAll(ServiceEdits.check(changes));
        ServiceEntry base = b.service().source().equals("config")
                ? config.current().section(ServicesConfig.class).services().stream()
                        .filter(s -> s.name().equals(name))
                        .findFirst()
                        .orElse(b.entry())
                : b.entry();
        ServiceEntry edited = ServiceEdits.apply(base, merged);
        ServiceRegistry.Bound rebound =
                registry.bind(edited, b.service().source(), b.service().discoveredFrom());
        if (!edited.url().equals(b.entry().url()) && !edited.url().isEmpty() && rebound.integration() != null) {
            Health h = rebound.integration().poll().health();
            if (h.status() != Health.Status.ONLINE) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        "url: " + edited.url() + " did not answer as expected: " + h.message() + "; nothing was saved",
                        Map.of("field", "url", "health", h.detail().name(), "message", h.message()));
            }
        }
        settings.save(name, merged, by);
        registry.put(rebound);
        return ServiceEdits.view(rebound.service(), rebound.entry());
    }
}
