package dev.hearth.system;

import dev.hearth.platform.security.ApiKeyService;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API key as the API shows it: never its secret, only the first characters to recognise it by. */
public record KeyView(
        long id,
        String name,
        String role,
        String prefix,
        String createdBy,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt) {

    public static KeyView of(ApiKeyService.ApiKey k) {
        return new KeyView(
                k.id(),
                k.name(),
                k.role().id(),
                k.prefix(),
                k.createdBy(),
                k.createdAt(),
                k.expiresAt(),
                k.lastUsedAt());
    }
}
