package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions behind an HttpOnly cookie. Each carries a CSRF token that unsafe requests must echo
 * in {@code X-CSRF-Token}. Sessions survive a restart (stored hashed) and are checked from memory.
 * Over HTTPS the cookies are named {@code __Host-…}: the browser then keeps them to this exact host,
 * path {@code /} and HTTPS, so neither a sibling sub-domain nor plain HTTP can plant one.
 */
@Singleton
public class SessionService {
    public static final String COOKIE = "hearth_session";
    public static final String CSRF_COOKIE = "hearth_csrf";
    public static final String HOST_PREFIX = "__Host-";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public record Session(long id, UserService.User user, String csrfToken, Instant expiresAt) {
        /** How a {@link Caller} names this session, so a live socket can ask later whether it still holds. */
        public String credential() {
            return "session:" + id;
        }
    }

    public record NewSession(Session session, String token) {}

    private final Database db;
    private final Tokens tokens;
    private final ConfigService config;
    private final Clock clock;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();

    public SessionService(Database db, Tokens tokens, ConfigService config, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        db.update("DELETE FROM sessions WHERE expires_at <= ?", clock.millis());
        db.query(
                "SELECT s.id, s.token_hash, s.csrf_token, s.expires_at, u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id",
                rs -> byHash.put(
                        rs.getString(2),
                        new Session(
                                rs.getLong(1),
                                new UserService.User(rs.getLong(5), rs.getString(6), Role.parse(rs.getString(7))),
                                rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)))));
    }

    /** The session cookie's name: {@code __Host-} prefixed when the browser talks HTTPS. */
    public static String cookieName(boolean secure) {
        return secure ? HOST_PREFIX + COOKIE : COOKIE;
    }

    public static String csrfCookieName(boolean secure) {
        return secure ? HOST_PREFIX + CSRF_COOKIE : CSRF_COOKIE;
    }

    public NewSession create(UserService.User user) {
        String token = tokens.newSecret("hts_");
        String csrf = tokens.newSecret("");
        Instant now = clock.instant();
        Instant expires = now.plus(config.current().security().sessionTtl());
        String hash = Tokens.sha256(token);
        long id = db.insert(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash,
                user.id(),
                csrf,
                now.toEpochMilli(),
                expires.toEpochMilli());
        Session session = new Session(id, user, csrf, expires);
        byHash.put(hash, session);
        return new NewSession(session, token);
    }

    public Optional<Session> find(String token) {
        Session s = byHash.get(Tokens.sha256(token));
        if (s == null) return Optional.empty();
        if (!clock.instant().isBefore(s.expiresAt())) {
            end(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Whether the session with this id is still open and unexpired (a live socket's periodic question). */
    public boolean isLive(long sessionId) {
        Instant now = clock.instant();
        return byHash.values().stream().anyMatch(s -> s.id() == sessionId && now.isBefore(s.expiresAt()));
    }

    public void end(String token) {
        String hash = Tokens.sha256(token);
        if (byHash.remove(hash) != null) {
            Thread.ofVirtual().start(() -> db.update("DELETE FROM sessions WHERE token_hash = ?", hash));
        }
    }

    /**
     * Ends every session of a user but {@code keepSessionId} (0: none kept): after a password change, a
     * role change or a deletion, no old session may go on with what it was given. Returns how many ended.
     */
    public int endAllOf(long userId, long keepSessionId) {
        int[] ended = {0};
        byHash.values().removeIf(s -> {
            boolean end = s.user().id() == userId && s.id() != keepSessionId;
            if (end) ended[0]++;
            return end;
        });
        db.update("DELETE FROM sessions WHERE user_id = ? AND id <> ?", userId, keepSessionId);
        return ended[0];
    }
}
