package dev.hearth.cli.hub;

import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import java.util.Optional;

/** hearth.yml as Hearth itself reads it (plugins' kinds included), for a hub command; a refused file is said once. */
final class HubConfig {
    /** The exit status of a command whose configuration was refused (sysexits' EX_CONFIG). */
    static final int REFUSED = 78;

    private HubConfig() {}

    static Optional<HearthConfig> load(CommandContext context) {
        try {
            return Optional.of(ConfigLoader.withPlugins(context.environment()).load());
        } catch (ConfigException e) {
            context.err().println("hearth: hearth.yml: " + String.join("; ", e.problems()));
            return Optional.empty();
        }
    }
}
