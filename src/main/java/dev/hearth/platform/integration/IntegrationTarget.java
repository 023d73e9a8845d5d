package dev.hearth.platform.integration;

import java.net.URI;
import java.time.Duration;

/**
 * The service an integration talks to: where (as its kind reads the address the user wrote), with which
 * settings (the kind's own record, bound from {@code services[].credentials} and checked), within which timeout.
 */
public record IntegrationTarget<S extends Record>(String serviceName, URI url, S settings, Duration timeout) {

    @Override
    public String toString() {
        // The settings hold secrets; their record's own toString is not to be trusted with them.
        return "IntegrationTarget[" + serviceName + " at " + url + "]";
    }
}
