package dev.hearth.system;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.FirstStart;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The first-run checklist's own state, per caller: whether they put it away (kept in the database, so it stays
 * away in every browser), and the part of its steps only the server knows: whether the caller still signs in with
 * the password they were given, and whether the first start's credentials file still lies in the data dir. The
 * other steps (Docker, a download client, a notification channel) are read by the dashboard from the features' own
 * routes, so the checklist shows what those routes show.
 */
@Singleton
public class FirstRun implements ActionProvider {
    public static final String DISMISS = "firstrun.dismiss";

    /**
     * @param hasPassword          whether the caller signs in with a Hearth password (a browser user); API keys and a
     *                             proxy's users have none to change
     * @param passwordChangedAt    when that password was last changed; null while it is the one the user was given
     * @param credentialsFile      the first start's {@code initial-credentials.txt} still lies in the data dir
     */
    public record State(
            boolean dismissed,
            @Nullable Instant dismissedAt,
            boolean hasPassword,
            boolean passwordChanged,
            @Nullable Instant passwordChangedAt,
            boolean credentialsFile,
            String credentialsPath) {}

    private final Database db;
    private final UserService users;
    private final ConfigService config;
    private final Clock clock;

    public FirstRun(Database db, UserService users, ConfigService config, Clock clock) {
        this.db = db;
        this.users = users;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<Action> actions() {
        return List.of(new Action(
                new ActionSpec(DISMISS, "Put your first-run checklist away for good", Role.VIEWER, false, List.of()),
                this::dismiss));
    }

    public State of(Caller caller) {
        Optional<Instant> dismissedAt = db.queryOne(
                "SELECT dismissed_at FROM first_run_dismissals WHERE subject = ?",
                rs -> Instant.ofEpochMilli(rs.getLong(1)),
                caller.id());
        Optional<UserService.User> user =
                caller.method() == Caller.Method.SESSION ? users.find(caller.name()) : Optional.empty();
        Optional<Instant> changed = user.flatMap(u -> users.passwordChangedAt(u.id()));
        var file = config.dataDir().resolve(FirstStart.CREDENTIALS_FILE);
        return new State(
                dismissedAt.isPresent(),
                dismissedAt.orElse(null),
                user.isPresent(),
                changed.isPresent(),
                changed.orElse(null),
                Files.exists(file),
                file.toAbsolutePath().toString());
    }

    private State dismiss(ActionCall call) {
        db.update(
                "INSERT INTO first_run_dismissals (subject, dismissed_at) VALUES (?, ?) ON CONFLICT (subject) DO NOTHING",
                call.caller().id(),
                clock.millis());
        return of(call.caller());
    }
}
