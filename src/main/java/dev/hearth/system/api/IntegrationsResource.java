package dev.hearth.system.api;

import dev.hearth.platform.config.ConfigSchema;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Role;
import dev.hearth.services.HealthBoard;
import dev.hearth.services.ServiceRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** The integration kinds Hearth knows, with their settings (and which are secret), and the configured services' health. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {
    public record Listing(List<KindView> integrations, List<ServiceView> services) {}

    public record KindView(
            String id, String name, String documentation, List<CapabilityView> capabilities, List<Field> fields) {}

    public record CapabilityView(String name, List<String> traits) {}

    /** A field of the kind's settings, as written under {@code credentials}. */
    public record Field(String name, String type, boolean secret) {}

    public record ServiceView(String name, String integration, Health health) {}

    private final IntegrationKinds kinds;
    private final ServiceRegistry registry;
    private final HealthBoard board;

    public IntegrationsResource(IntegrationKinds kinds, ServiceRegistry registry, HealthBoard board) {
        this.kinds = kinds;
        this.registry = registry;
        this.board = board;
    }

    @GET
    @Allow(Role.VIEWER)
    public Listing list() {
        List<KindView> all =
                kinds.all().stream().map(IntegrationsResource::view).toList();
        List<ServiceView> services = registry.all().stream()
                .map(b -> new ServiceView(b.name(), b.service().integration(), board.health(b.name())))
                .toList();
        return new Listing(all, services);
    }

    private static KindView view(IntegrationKind<?> k) {
        List<CapabilityView> caps = k.capabilities().stream()
                .map((Capability c) -> new CapabilityView(c.api().getSimpleName(), c.traits()))
                .sorted(java.util.Comparator.comparing(CapabilityView::name))
                .toList();
        List<Field> fields = Arrays.stream(k.settings().getRecordComponents())
                .map((RecordComponent c) -> new Field(
                        ConfigSchema.snake(c.getName()),
                        c.getType().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                        c.isAnnotationPresent(Secret.class)))
                .toList();
        return new KindView(k.id(), k.name(), k.documentation(), caps, fields);
    }
}
