package dev.hearth.cli.hub;

import dev.hearth.cli.Command;
import dev.hearth.cli.CommandContext;
import dev.hearth.hub.vault.KeySource;
import dev.hearth.hub.vault.RotationReport;
import dev.hearth.hub.vault.Vault;
import dev.hearth.hub.vault.VaultException;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.storage.Database;
import java.util.List;
import java.util.Optional;

/**
 * {@code hearth rotate-key}: re-seals every vault value under a new master key and replaces the key file, journalled
 * so an interrupted rotation loses nothing (run it again). Hearth must be stopped: a running Hearth holds the old key
 * and would seal new values under it.
 */
public final class RotateKeyCommand implements Command {
    @Override
    public String name() {
        return "rotate-key";
    }

    @Override
    public String summary() {
        return "re-seal the credentials vault under a new master key (Hearth stopped)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) {
            context.err().println("usage: hearth rotate-key");
            return 64;
        }
        Optional<HearthConfig> loaded = HubConfig.load(context);
        if (loaded.isEmpty()) return HubConfig.REFUSED;
        HearthConfig config = loaded.get();
        if (RunningHearth.listening(config)) {
            context.err()
                    .println("hearth rotate-key: Hearth is running on port "
                            + config.server().port() + "; stop it first (it holds the old key), then run this again");
            return 75;
        }
        ConfigService service = new ConfigService(context.environment());
        Database db = new Database(service);
        try {
            Vault vault = new Vault(
                    db,
                    KeySource.of(
                            config.dataDir(),
                            name -> context.environment().env().apply(name)),
                    context.clock());
            RotationReport r = vault.rotate();
            context.out()
                    .printf(
                            "hearth rotate-key: %d values re-sealed, key %s → %s%n",
                            r.entries(), r.fromKeyId(), r.toKeyId());
            return 0;
        } catch (VaultException e) {
            context.err().println("hearth rotate-key: " + e.getMessage());
            return 1;
        }
    }
}
