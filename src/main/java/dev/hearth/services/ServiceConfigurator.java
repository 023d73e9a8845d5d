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
    private final AddedServices added;

    public ServiceConfigurator(
            ServiceRegistry registry,
            ConfigService config,
            ServiceSettings settings,
            ObjectMapper json,
            AddedServices added) {
        this.registry = registry;
        this.config = config;
        this.settings = settings;
        this.json = json;
        this.added = added;
    }

    /**
     * Adds a service at run time: checked as hearth.yml's services are (its kind's settings record says which
     * credentials it needs), then asked once (Uptime Kuma's and Home Assistant's test before save): a service that
     * refuses its credentials or does not answer is not saved, and the answer says why. Saved, it is polled, listed
     * and offered to the features at once, and is there again after a restart.
     */
    public synchronized ServiceSettingsView add(NewService s) {
        if (registry.find(s.name()).isPresent()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "name: a service named '" + s.name() + "' exists already",
                    Map.of("field", "name"));
        }
        if (registry.kinds().find(s.integration()).isEmpty()) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "integration: unknown '" + s.integration() + "' (known: "
                            + String.join(", ", registry.kinds().ids()) + ")",
                    Map.of("field", "integration", "known", registry.kinds().ids()));
        }
        ServiceEntry entry = s.entry();
        ServiceRegistry.Bound bound = registry.bind(entry, "api", "");
        Health problem = bound.problem();
        if (problem != null) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    problem.message() + "; nothing was saved",
                    Map.of("health", problem.detail().name(), "message", problem.message()));
        }
        var integration = bound.integration();
        if (integration != null) {
            Health h = integration.poll().health();
            if (h.status() != Health.Status.ONLINE) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        s.integration() + " at " + entry.url() + " did not accept: " + h.message()
                                + "; nothing was saved",
                        Map.of("field", "url", "health", h.detail().name(), "message", h.message()));
            }
        }
        added.add(entry);
        registry.put(bound);
        return ServiceEdits.view(bound.service(), bound.entry());
    }

    /** Removes a service added at run time; what hearth.yml or Docker says is theirs to change. */
    public synchronized Removed remove(String name) {
        ServiceRegistry.Bound b = registry.require(name);
        switch (b.service().source()) {
            case "api" -> {
                added.remove(name);
                registry.drop(name);
                return new Removed(name, true);
            }
            case "config" ->
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        name + " is set in hearth.yml, which is read-only here: remove it there",
                        Map.of("source", "config"));
            default ->
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        name + " was found on Docker: label its container hearth.enable=false to hide it",
                        Map.of("source", b.service().source()));
        }
    }

    /** What a removal did. */
    public record Removed(String name, boolean removed) {}

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
        ServiceRegistry.Bound rebound = registry.bind(
                edited,
                b.service().source(),
                b.service().discoveredFrom(),
                b.service().ports());
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
