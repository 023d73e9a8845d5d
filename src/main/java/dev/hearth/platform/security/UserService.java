package dev.hearth.platform.security;

import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Browser users: a name, a password hash and a role. The first start creates {@code admin}; admins add others. */
@Singleton
public class UserService {
    /** Longest user name the login route looks up; longer ones are refused before anything else sees them. */
    public static final int MAX_NAME_LENGTH = 128;
    /** Longest password in UTF-8 bytes: enough for any passphrase, too short to make the slow hash a weapon. */
    public static final int MAX_PASSWORD_BYTES = 1024;

    public record User(long id, String username, Role role) {}

    public record Account(long id, String username, Role role, Instant createdAt) {}

    private final Database db;
    private final Passwords passwords;
    private final Clock clock;

    public UserService(Database db, Tokens tokens, Clock clock) {
        this.db = db;
        this.passwords = new Passwords(tokens);
        this.clock = clock;
    }

    public boolean any() {
        return db.count("SELECT COUNT(*) FROM users") > 0;
    }

    public User create(String username, String password, Role role) {
        return createHashed(username, hash(password), role);
    }

    /** The stored form of a password: slow on purpose (a third of a second), so callers may run it ahead. */
    String hash(String password) {
        return passwords.hash(password);
    }

    User createHashed(String username, String passwordHash, Role role) {
        long id = db.insert(
                "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                username,
                passwordHash,
                role.id(),
                clock.millis());
        return new User(id, username, role);
    }

    public Optional<User> find(long id) {
        return db.queryOne(
                "SELECT id, username, role FROM users WHERE id = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))),
                id);
    }

    public Optional<User> find(String username) {
        return db.queryOne(
                "SELECT id, username, role FROM users WHERE username = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))),
                username);
    }

    public List<Account> list() {
        return db.query(
                "SELECT id, username, role, created_at FROM users ORDER BY username",
                rs -> new Account(
                        rs.getLong(1),
                        rs.getString(2),
                        Role.parse(rs.getString(3)),
                        Instant.ofEpochMilli(rs.getLong(4))));
    }

    public long admins() {
        return db.count("SELECT COUNT(*) FROM users WHERE role = ?", Role.ADMIN.id());
    }

    public void setRole(long id, Role role) {
        db.update("UPDATE users SET role = ? WHERE id = ?", role.id(), id);
    }

    public void setPassword(long id, String password) {
        db.update("UPDATE users SET password_hash = ? WHERE id = ?", hash(password), id);
    }

    public boolean delete(long id) {
        db.update("DELETE FROM sessions WHERE user_id = ?", id);
        return db.update("DELETE FROM users WHERE id = ?", id) > 0;
    }

    /** The user whose password this is; the hash is checked even for unknown names, so timing tells nothing. */
    public Optional<User> authenticate(String username, String password) {
        record Row(User user, String hash) {}
        Optional<Row> row = db.queryOne(
                "SELECT id, username, role, password_hash FROM users WHERE username = ?",
                rs -> new Row(new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))), rs.getString(4)),
                username);
        String hash = row.map(Row::hash)
                .orElse("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        boolean ok = passwords.matches(password, hash);
        return ok ? row.map(Row::user) : Optional.empty();
    }
}
