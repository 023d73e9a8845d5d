package dev.hearth.cli.hub;

import dev.hearth.cli.Command;
import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code hearth sync-traefik}: the seed's command. The running Hearth discovers services again (Docker labels and the
 * Traefik API configured for discovery), then detects the APIs of the services it found.
 */
public final class SyncTraefikCommand implements Command {
    @Override
    public String name() {
        return "sync-traefik";
    }

    @Override
    public String summary() {
        return "discover services again (Docker labels, the Traefik API), then detect their APIs";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) {
            context.err().println("usage: hearth sync-traefik");
            return 64;
        }
        Optional<HearthConfig> loaded = HubConfig.load(context);
        if (loaded.isEmpty()) return HubConfig.REFUSED;
        HearthConfig config = loaded.get();
        Optional<RunningHearth> hearth = RunningHearth.of(config, context);
        if (hearth.isEmpty()) {
            context.err().println("hearth sync-traefik: " + RunningHearth.noKey());
            return 64;
        }
        try {
            RunningHearth.Answer a = hearth.get().post("/api/v1/services/discover", Duration.ofMinutes(1));
            if (a.status() != 200) {
                context.err().println("hearth sync-traefik: discovery: " + a.error());
                return 1;
            }
            context.out().println("discovered: " + a.body().path("found").size() + " services");
        } catch (IOException e) {
            context.err()
                    .println("hearth sync-traefik: Hearth does not answer (" + e.getMessage() + "); is it running?");
            return 69;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        return DetectApisCommand.detect(false, context);
    }
}
