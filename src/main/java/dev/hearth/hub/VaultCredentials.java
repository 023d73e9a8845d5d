package dev.hearth.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.hub.vault.KeySource;
import dev.hearth.hub.vault.Vault;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import dev.hearth.services.CredentialOverlay;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The vault as the services' credential store: a field set through the API is laid over the same field of the
 * service's {@code credentials} in hearth.yml when its integration is made, so both keep working and the run-time one
 * wins. The key comes from {@code HEARTH_MASTER_KEY} or the data dir's {@code vault.key}.
 */
@Singleton
public class VaultCredentials implements CredentialOverlay {
    private final Vault vault;

    public VaultCredentials(ConfigService config, Database db, Clock clock) {
        this.vault = new Vault(
                db, KeySource.of(config.current().dataDir(), name -> Optional.ofNullable(System.getenv(name))), clock);
    }

    public Vault vault() {
        return vault;
    }

    @Override
    public JsonNode over(String service, JsonNode written) {
        Map<String, String> stored = vault.credentials(service);
        if (stored.isEmpty()) return written;
        ObjectNode merged =
                written.isObject() ? ((ObjectNode) written).deepCopy() : JsonNodeFactory.instance.objectNode();
        stored.forEach(merged::put);
        return merged;
    }
}
