package dev.hearth.platform.security;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.storage.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * On the first start, creates the admin API key (or takes {@code HEARTH_ADMIN_API_KEY}) and the browser
 * user {@code admin} with a random password, prints them once to the console (not to the log) and writes
 * them to {@code <data_dir>/initial-credentials.txt}, readable by the owner only.
 */
@Singleton
public class FirstStart {
    public static final String CREDENTIALS_FILE = "initial-credentials.txt";
    private static final Logger LOG = Logger.getLogger(FirstStart.class);

    private final ApiKeyService keys;
    private final UserService users;
    private final ConfigService config;
    private final Tokens tokens;
    private final Database database;
    private final CompletableFuture<@Nullable Void> done = new CompletableFuture<>();

    public FirstStart(ApiKeyService keys, UserService users, ConfigService config, Tokens tokens, Database database) {
        this.keys = keys;
        this.users = users;
        this.config = config;
        this.tokens = tokens;
        this.database = database;
    }

    /** Begun as the container starts, on a thread of its own: the password hash takes a third of a second. */
    void begin(@Observes @Initialized(ApplicationScoped.class) Object containerStarted) {
        Thread.ofPlatform().name("hearth-first-start").daemon().start(() -> {
            try {
                run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
    }

    /** Hearth listens only once the credentials exist (and a failure here stops start-up). */
    void onStart(@Observes @Priority(1) StartupEvent ignored) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    public void run() {
        // A new database certainly needs the browser password: its slow hash runs beside the migration.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(tokens.randomBytes(15));
        @Nullable
        CompletableFuture<String> hash = database.startsEmpty()
                ? CompletableFuture.supplyAsync(
                        () -> users.hash(password),
                        task -> Thread.ofVirtual().name("hearth-password-hash").start(task))
                : null;
        String configuredKey = config.current().security().adminApiKey();
        StringBuilder shown = new StringBuilder();
        boolean created = false;
        if (!configuredKey.isBlank()) {
            if (keys.wasRevoked(configuredKey)) {
                LOG.warn(
                        "The admin API key in HEARTH_ADMIN_API_KEY was revoked and stays revoked: remove it from the environment, "
                                + "or set a new one to register it at the next start");
            } else {
                keys.ensure("admin (HEARTH_ADMIN_API_KEY)", Role.ADMIN, configuredKey, "first-start")
                        .ifPresent(k -> LOG.info("Registered the admin API key given by HEARTH_ADMIN_API_KEY"));
            }
            shown.append("Admin API key:  (the one you set in HEARTH_ADMIN_API_KEY)\n");
        } else if (!keys.any()) {
            shown.append("Admin API key:  ")
                    .append(keys.create("admin", Role.ADMIN, null, "first-start")
                            .secret())
                    .append('\n');
            created = true;
        }
        if (!users.any()) {
            users.createHashed("admin", hash != null ? hash.join() : users.hash(password), Role.ADMIN);
            shown.append("Browser login:  admin / ").append(password).append('\n');
            created = true;
        }
        if (!created) return;
        Path file = config.dataDir().resolve(CREDENTIALS_FILE);
        writeOwnerOnly(file, "# Hearth's first-start credentials. Keep them, then delete this file.\n" + shown);
        // Printed, not logged: the log store and log files must never hold secrets.
        System.out.println("\n==== Hearth first start ====\n" + shown + "Saved to " + file.toAbsolutePath()
                + " (mode 0600)\n============================\n");
        LOG.infof("First start: credentials written to %s", file.toAbsolutePath());
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "the data dir must be on a POSIX file system to keep credentials private", e);
        }
    }
}
