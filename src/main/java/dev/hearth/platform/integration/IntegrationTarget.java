package dev.hearth.platform.integration;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The service an integration talks to: where, with which credentials, within which timeout. */
public record IntegrationTarget(String serviceName, URI url, Map<String, String> credentials, Duration timeout) {
    public IntegrationTarget {
        credentials = Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "IntegrationTarget[" + serviceName + " at " + url + ", credentials " + credentials.keySet() + "]";
    }
}
