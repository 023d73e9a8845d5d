package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Credentials kept outside hearth.yml (the hub's vault), laid over a service's written {@code credentials} block when
 * its integration is made: a field set at run time wins over the same field in the file, the file's other fields stay.
 * A feature that keeps credentials implements it; the registry calls {@link ServiceRegistry#rebind} after a change.
 */
public interface CredentialOverlay {
    JsonNode over(String service, JsonNode written);
}
