package dev.hearth.platform.integration;

import java.util.List;
import java.util.Set;

/**
 * What an integration is, as data: its id (as written in {@code services[].integration}), the capabilities
 * it offers, the credential fields it takes (and which are secret), and how to make one for a service.
 */
public record IntegrationDescriptor(String id, String name, Set<Class<?>> capabilities, List<Field> fields, Factory factory) {

    public record Field(String name, boolean required, boolean secret, String description) {}

    @FunctionalInterface
    public interface Factory {
        Integration create(IntegrationTarget target);
    }

    public IntegrationDescriptor {
        capabilities = Set.copyOf(capabilities);
        fields = List.copyOf(fields);
    }

    public boolean offers(Class<?> capability) {
        return capabilities.contains(capability);
    }
}
