package dev.hearth.platform.integration;

/** Registers one integration: a CDI bean per integration package, collected by {@link IntegrationRegistry}. */
public interface IntegrationProvider {
    IntegrationDescriptor descriptor();
}
