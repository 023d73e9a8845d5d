package dev.hearth.media.clients;

import dev.hearth.platform.integration.IntegrationTarget;
import org.jspecify.annotations.Nullable;

/**
 * A credential read from a service's {@code credentials} map. A missing one is not an error at creation
 * (the service is still listed); its health says what to add and where the upstream shows it.
 */
public record Credential(String name, String value, @Nullable String missing) {

    /** {@code whereToFind} completes "add credentials.api_key: ..." e.g. "Sonarr shows it in Settings → General". */
    public static Credential required(IntegrationTarget target, String name, String whereToFind) {
        String value = target.credentials().get(name);
        if (value == null || value.isBlank()) {
            return new Credential(name, "", "no " + name + " in the credentials of service '" + target.serviceName()
                    + "': add credentials." + name + " (" + whereToFind + ")");
        }
        return new Credential(name, value.strip(), null);
    }

    public boolean present() {
        return missing == null;
    }

    @Override
    public String toString() {
        return "Credential[" + name + (present() ? ", set" : ", missing") + "]";
    }
}
