package dev.hearth.downloads.internal;

import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Tokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;

/**
 * The completion webhook's secret: {@code downloads.webhook_secret} when set, else one generated at first
 * start into {@code <data_dir>/webhook-secret}, readable by the owner only, so a script on this machine can
 * read it and nothing has to be configured.
 */
@Singleton
public class WebhookSecret {
    public static final String FILE = "webhook-secret";

    private final ConfigService config;
    private final Tokens tokens;

    public WebhookSecret(ConfigService config, Tokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent ignored) {
        current();
    }

    public synchronized String current() {
        String configured = config.current().section(DownloadsConfig.class).webhookSecret();
        if (!configured.isBlank()) return configured;
        Path file = config.dataDir().resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file).trim();
                if (!stored.isEmpty()) return stored;
            }
            String secret = tokens.newSecret("hwh_");
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the webhook secret in " + file, e);
        }
    }

    /** Compares hashes, so neither the content nor the length of the secret leaks through timing. */
    public boolean matches(@Nullable String presented) {
        if (presented == null || presented.isBlank()) return false;
        return Tokens.constantTimeEquals(Tokens.sha256(presented.trim()), Tokens.sha256(current()));
    }
}
