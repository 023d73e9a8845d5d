package dev.hearth.platform.security;

import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * API keys (also accepted as bearer tokens). Only a SHA-256 hash is stored; the secret is shown once at
 * creation. Live keys are held in memory by hash, so checking one costs no database call and revoking
 * one takes effect on the very next request.
 */
@Singleton
public class ApiKeyService {
    public static final String PREFIX = "hth_";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    public record ApiKey(
            long id,
            String name,
            Role role,
            String prefix,
            String createdBy,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt) {
        public boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    public record NewKey(ApiKey key, String secret) {}

    private final Database db;
    private final Tokens tokens;
    private final Clock clock;
    /** Loaded at first use, not here: the request gate creates this bean while the database still opens. */
    private volatile @Nullable Map<String, ApiKey> liveByHash;

    public ApiKeyService(Database db, Tokens tokens, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The live keys by hash; the first start reads them before Hearth listens, so the event loop never waits here. */
    private Map<String, ApiKey> live() {
        Map<String, ApiKey> loaded = liveByHash;
        if (loaded != null) return loaded;
        synchronized (this) {
            Map<String, ApiKey> keys = liveByHash;
            if (keys == null) {
                Map<String, ApiKey> read = new ConcurrentHashMap<>();
                db.query(
                        "SELECT id, name, role, prefix, created_by, created_at, expires_at, last_used_at, key_hash FROM api_keys WHERE revoked_at IS NULL",
                        rs -> read.put(rs.getString("key_hash"), map(rs)));
                liveByHash = keys = read;
            }
            return keys;
        }
    }

    public NewKey create(String name, Role role, @Nullable Instant expiresAt, String createdBy) {
        return store(name, role, expiresAt, createdBy, tokens.newSecret(PREFIX));
    }

    /**
     * Registers a key whose secret the owner chose (HEARTH_ADMIN_API_KEY), unless it exists already, live or
     * revoked: a revoked key stays revoked, whatever the environment still says.
     */
    public Optional<NewKey> ensure(String name, Role role, String secret, String createdBy) {
        if (live().containsKey(Tokens.sha256(secret)) || wasRevoked(secret)) return Optional.empty();
        return Optional.of(store(name, role, null, createdBy, secret));
    }

    /** Whether a key with this secret existed and was revoked. */
    public boolean wasRevoked(String secret) {
        return db.count(
                        "SELECT COUNT(*) FROM api_keys WHERE key_hash = ? AND revoked_at IS NOT NULL",
                        Tokens.sha256(secret))
                > 0;
    }

    /** Whether the key with this id is neither revoked nor expired (a live socket's periodic question). */
    public boolean isLive(long id) {
        Instant now = clock.instant();
        return live().values().stream().anyMatch(k -> k.id() == id && !k.expiredAt(now));
    }

    private NewKey store(String name, Role role, @Nullable Instant expiresAt, String createdBy, String secret) {
        String hash = Tokens.sha256(secret);
        String prefix = secret.substring(0, Math.min(8, secret.length()));
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long id = db.insert(
                "INSERT INTO api_keys (name, role, key_hash, prefix, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                name,
                role.id(),
                hash,
                prefix,
                createdBy,
                now.toEpochMilli(),
                expiresAt == null ? null : expiresAt.toEpochMilli());
        ApiKey key = new ApiKey(id, name, role, prefix, createdBy, now, expiresAt, null);
        live().put(hash, key);
        return new NewKey(key, secret);
    }

    public List<ApiKey> list() {
        return live().values().stream()
                .sorted(Comparator.comparingLong(ApiKey::id))
                .toList();
    }

    public boolean revoke(long id) {
        int changed =
                db.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.millis(), id);
        live().values().removeIf(k -> k.id() == id);
        return changed > 0;
    }

    public boolean any() {
        return !live().isEmpty();
    }

    /** The live, unexpired key with this secret. Runs on the event loop: memory only, last-use written later. */
    public Optional<ApiKey> verify(String secret) {
        String hash = Tokens.sha256(secret);
        ApiKey key = live().get(hash);
        Instant now = clock.instant();
        if (key == null || key.expiredAt(now)) return Optional.empty();
        if (key.lastUsedAt() == null
                || key.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            ApiKey touched = new ApiKey(
                    key.id(),
                    key.name(),
                    key.role(),
                    key.prefix(),
                    key.createdBy(),
                    key.createdAt(),
                    key.expiresAt(),
                    now);
            live().replace(hash, key, touched);
            Thread.ofVirtual()
                    .start(() -> db.update(
                            "UPDATE api_keys SET last_used_at = ? WHERE id = ?", now.toEpochMilli(), key.id()));
        }
        return Optional.of(key);
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        long expires = rs.getLong("expires_at");
        Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
        long used = rs.getLong("last_used_at");
        Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
        return new ApiKey(
                rs.getLong("id"),
                rs.getString("name"),
                Role.parse(rs.getString("role")),
                rs.getString("prefix"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                expiresAt,
                usedAt);
    }
}
