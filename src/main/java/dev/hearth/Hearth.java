package dev.hearth;

import dev.hearth.backups.PendingRestore;
import dev.hearth.backups.RestoreOnStart;
import dev.hearth.cli.Cli;
import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.ConfigEnvironment;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalInt;

/**
 * Entry point. Reads and checks the configuration before Quarkus starts, so a bad {@code hearth.yml}
 * stops start-up with one line per problem naming its key, never a stack trace.
 */
@QuarkusMain
public final class Hearth {
    /** The application class Quarkus generates at build time and loads in {@link Quarkus#run}. */
    private static final String GENERATED_APPLICATION = "io.quarkus.runner.ApplicationImpl";

    Hearth() {}

    public static void main(String... args) {
        // --version, --help and the subcommands run without Quarkus: no port, no database.
        OptionalInt command = Cli.standard().dispatch(args, CommandContext.ofProcess());
        if (command.isPresent()) {
            System.out.flush();
            System.exit(command.getAsInt());
            return;
        }
        // A restore to finish replaces the database and the configuration, which Quarkus's initialisation
        // reads: it waits until the swap is done (only then; the probe costs a file check).
        boolean restoring = PendingRestore.find(ConfigEnvironment.ofProcess()).isPresent();
        if (!restoring) initialiseQuarkusAhead();
        HearthConfig config;
        try {
            config = ConfigLoader.withPlugins(ConfigEnvironment.ofProcess()).load();
            if (!restoring && PendingRestore.in(config.dataDir())) {
                System.err.println("hearth: a restore waits in " + config.dataDir()
                        + ", but its data_dir was not found before start-up began "
                        + "(set HEARTH_DATA_DIR to it); nothing was changed");
                System.exit(1);
                return;
            }
            checkDatabase(config.storage());
            if (restoring) {
                var restored = RestoreOnStart.completePending(config);
                if (restored.isPresent()) {
                    System.out.println(restored.get().line());
                    // the restore may have brought back another hearth.yml or run-time overrides
                    if (restored.get().completed())
                        config = ConfigLoader.withPlugins(ConfigEnvironment.ofProcess())
                                .load();
                }
                initialiseQuarkusAhead();
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("hearth: the pending restore could not be finished: " + e.getMessage());
            System.exit(1);
            return;
        } catch (ConfigException e) {
            e.problems().forEach(p -> System.err.println("hearth: configuration error: " + p));
            System.exit(2);
            return;
        }
        System.setProperty("quarkus.http.port", String.valueOf(config.server().port()));
        System.setProperty("quarkus.http.host", config.server().host());
        // Vert.x's own limit only catches bodies sent without Content-Length; the request gate answers the rest.
        System.setProperty(
                "quarkus.http.limits.max-body-size",
                String.valueOf(config.server().maxBodySize().bytes() + 1));
        System.setProperty("quarkus.log.level", config.logs().level());
        Quarkus.run(args);
    }

    /**
     * Quarkus's static initialisation (configuration classes, the CDI container, the REST deployment:
     * about a third of a second) needs none of the settings set above, so it runs on the second core
     * while they are read and checked. The settings it does need are run-time ones, read after them.
     * Measured in docs/benchmarks.md ("Start-up to ready").
     */
    private static void initialiseQuarkusAhead() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread.ofPlatform().name("hearth-quarkus-init").daemon(true).start(() -> {
            try {
                Class.forName(GENERATED_APPLICATION, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Quarkus.run initialises the class itself and reports what went wrong
            }
        });
    }

    private static void checkDatabase(HearthConfig.Storage storage) {
        if (!storage.isPostgresql()) return;
        DriverManager.setLoginTimeout(5);
        try (var ignored = DriverManager.getConnection(storage.url(), storage.username(), storage.password())) {
            // reachable, credentials accepted
        } catch (SQLException e) {
            throw new ConfigException("storage.url: cannot connect to PostgreSQL at " + storage.url() + " ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
    }
}
