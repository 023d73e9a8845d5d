package dev.hearth.platform.integration;

/** One integration bound to one service. Capabilities are further interfaces the instance implements. */
public interface Integration {
    IntegrationDescriptor descriptor();

    /** Asks the upstream whether it is there and accepts our credentials; never throws, never hangs past its timeout. */
    Health checkHealth();
}
