package dev.hearth.system;

import dev.hearth.platform.security.ApiKeyService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An API key as the API shows it: never its secret, only the first characters to recognise it by. */
public record KeyView(long id, String name, String role, String prefix, String createdBy, Instant createdAt,
                      @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {

    public static KeyView of(ApiKeyService.ApiKey k) {
        return new KeyView(k.id(), k.name(), k.role().id(), k.prefix(), k.createdBy(), k.createdAt(), k.expiresAt(), k.lastUsedAt());
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("role", role);
        m.put("prefix", prefix);
        m.put("created_by", createdBy);
        m.put("created_at", createdAt.toString());
        m.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        m.put("last_used_at", lastUsedAt == null ? null : lastUsedAt.toString());
        return m;
    }
}
