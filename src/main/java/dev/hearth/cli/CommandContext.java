package dev.hearth.cli;

import dev.hearth.platform.config.ConfigEnvironment;
import java.io.PrintStream;
import java.time.Clock;

/** What a subcommand may use: where to print, the settings' sources, and the clock. */
public record CommandContext(PrintStream out, PrintStream err, ConfigEnvironment environment, Clock clock) {

    public static CommandContext ofProcess() {
        return new CommandContext(System.out, System.err, ConfigEnvironment.ofProcess(), Clock.systemUTC());
    }
}
