package dev.hearth.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.cli.Command;
import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.HearthConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code hearth detect-apis [--force]}: the running Hearth detects every service's API, and the result is printed. */
public final class DetectApisCommand implements Command {
    @Override
    public String name() {
        return "detect-apis";
    }

    @Override
    public String summary() {
        return "detect every service's API (labels, known names, 19 common paths); --force ignores the 7-day cache";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (args.size() > 1 || (args.size() == 1 && !args.getFirst().equals("--force"))) {
            context.err().println("usage: hearth detect-apis [--force]");
            return 64;
        }
        return detect(args.contains("--force"), context);
    }

    static int detect(boolean force, CommandContext context) {
        Optional<HearthConfig> loaded = HubConfig.load(context);
        if (loaded.isEmpty()) return HubConfig.REFUSED;
        HearthConfig config = loaded.get();
        Optional<RunningHearth> hearth = RunningHearth.of(config, context);
        if (hearth.isEmpty()) {
            context.err().println("hearth detect-apis: " + RunningHearth.noKey());
            return 64;
        }
        try {
            RunningHearth.Answer a =
                    hearth.get().post("/api/v1/services/detect" + (force ? "?force=true" : ""), Duration.ofMinutes(2));
            if (a.status() != 200) {
                context.err().println("hearth detect-apis: " + a.error());
                return 1;
            }
            print(a.body(), context.out());
            return 0;
        } catch (IOException e) {
            context.err()
                    .println("hearth detect-apis: Hearth does not answer (" + e.getMessage() + "); is it running?");
            return 69;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static void print(JsonNode body, PrintStream out) {
        for (JsonNode s : body.path("services")) {
            out.printf(
                    "%-20s %-6s %-14s %-16s %-8s %s%n",
                    s.path("service").asText(),
                    s.path("found").asBoolean() ? "found" : "none",
                    s.path("type").asText("-"),
                    s.path("auth_style").asText("-"),
                    s.path("method").asText(),
                    s.path("api_base").asText(""));
        }
        out.printf(
                "%d services, %d from the cache, in %d ms%n",
                body.path("services").size(),
                body.path("cached").asInt(),
                body.path("took_ms").asLong());
    }
}
