package dev.hearth.backups;

import dev.hearth.backups.internal.PgDumpLoader;
import dev.hearth.backups.internal.RestoreJournal;
import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.sql.Connection;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The second half of a restore, run by {@code Hearth.main} before anything opens the database: carries out a
 * prepared swap (or finishes one a crash interrupted), or throws away one that was still being staged.
 */
public final class RestoreOnStart {
    private RestoreOnStart() {}

    /** Answers a line for the console when there was a restore to finish, and whether the configuration changed under it. */
    public record Finished(String line, boolean completed) {}

    public static Optional<Finished> completePending(HearthConfig config) throws IOException {
        RestoreJournal.DatabaseLoader loader = null;
        if (config.storage().isPostgresql()) {
            HearthConfig.Storage s = config.storage();
            loader = dump -> {
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setUrl(s.url());
                ds.setUser(s.username());
                ds.setPassword(s.password());
                try (Connection c = ds.getConnection()) {
                    PgDumpLoader.replacePublicSchema(c, dump);
                }
            };
        }
        return RestoreJournal.complete(config.dataDir(), loader)
                .map(r -> new Finished(
                        "hearth: restore of " + r.fileName() + " " + r.outcome() + ": " + r.message(),
                        r.outcome().equals("completed")));
    }
}
