package dev.hearth.hub.detect;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What detection found for one service: where its API is ({@code apiBase}, an absolute URL under the service's
 * registered address), what it is, how it authenticates, its version when it says so without credentials, how it
 * was found, and the Hearth integration offered for it (null when Hearth has none for the type).
 *
 * @param method {@code label}, {@code name}, {@code probe}, or {@code none} (nothing answered like an API)
 */
public record DetectedApi(
        String service,
        String baseUrl,
        boolean found,
        @Nullable String apiBase,
        @Nullable String type,
        @Nullable String authStyle,
        @Nullable String version,
        String method,
        @Nullable String probedPath,
        @Nullable IntegrationOffer offer,
        Instant detectedAt) {

    public DetectedApi withOffer(@Nullable IntegrationOffer newOffer) {
        return new DetectedApi(
                service, baseUrl, found, apiBase, type, authStyle, version, method, probedPath, newOffer, detectedAt);
    }
}
