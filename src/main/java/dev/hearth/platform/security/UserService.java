package dev.hearth.platform.security;

import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Browser users: a name, a password hash and a role. The first start creates {@code admin}. */
@Singleton
public class UserService {
    public record User(long id, String username, Role role) {}

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
        long id = db.insert("INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                username, passwordHash, role.id(), clock.millis());
        return new User(id, username, role);
    }

    public Optional<User> find(long id) {
        return db.queryOne("SELECT id, username, role FROM users WHERE id = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))), id);
    }

    /** The user whose password this is; the hash is checked even for unknown names, so timing tells nothing. */
    public Optional<User> authenticate(String username, String password) {
        record Row(User user, String hash) {}
        Optional<Row> row = db.queryOne("SELECT id, username, role, password_hash FROM users WHERE username = ?",
                rs -> new Row(new User(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3))), rs.getString(4)), username);
        String hash = row.map(Row::hash).orElse("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        boolean ok = passwords.matches(password, hash);
        return ok ? row.map(Row::user) : Optional.empty();
    }
}
