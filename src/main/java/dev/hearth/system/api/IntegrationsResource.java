package dev.hearth.system.api;

import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationRegistry;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.services.ServiceCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The integrations Hearth knows, with their credential fields, and the configured services' health. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {
    public record IntegrationView(String id, String name, List<String> capabilities, List<IntegrationDescriptor.Field> fields) {}

    private final IntegrationRegistry registry;
    private final ServiceCatalog services;

    public IntegrationsResource(IntegrationRegistry registry, ServiceCatalog services) {
        this.registry = registry;
        this.services = services;
    }

    @GET
    @Allow(Role.VIEWER)
    public Map<String, Object> list() {
        List<IntegrationView> all = registry.all().stream()
                .map(d -> new IntegrationView(d.id(), d.name(), d.capabilities().stream().map(Class::getSimpleName).sorted().toList(), d.fields()))
                .toList();
        return Map.of("integrations", all, "services", services.all().stream()
                .map(v -> Map.of("name", v.entry().name(), "integration", v.entry().integration(), "health", v.health())).toList());
    }
}
