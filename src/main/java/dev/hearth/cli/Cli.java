package dev.hearth.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code hearth}'s arguments: none starts the server (the caller's business); {@code --version},
 * {@code --help} and the subcommands are answered here, with an exit code.
 */
public final class Cli {
    /** sysexits.h's EX_USAGE: the command line was wrong. */
    static final int USAGE = 64;

    private final List<Command> commands;

    Cli(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    public static Cli standard() {
        return new Cli(Commands.all());
    }

    /** Empty when the arguments ask for the server; otherwise the exit code of what they asked for. */
    public OptionalInt dispatch(String[] args, CommandContext context) {
        if (args.length == 0) return OptionalInt.empty();
        String first = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (first) {
            case "--version", "-V", "version" -> {
                context.out().println("hearth " + Version.current());
                context.out()
                        .println("Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") at "
                                + System.getProperty("java.home", "?"));
                return OptionalInt.of(0);
            }
            case "--help", "-h", "help" -> {
                if (!rest.isEmpty()) {
                    Optional<Command> named = find(rest.getFirst());
                    if (named.isPresent()) {
                        context.out()
                                .println("hearth " + named.get().name() + ": "
                                        + named.get().summary());
                        return OptionalInt.of(0);
                    }
                }
                context.out().print(help());
                return OptionalInt.of(0);
            }
            default -> {
                Optional<Command> command = find(first);
                if (command.isEmpty()) {
                    context.err().println("hearth: unknown command '" + first + "'");
                    context.err().print(help());
                    return OptionalInt.of(USAGE);
                }
                return OptionalInt.of(command.get().run(rest, context));
            }
        }
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    String help() {
        StringBuilder b = new StringBuilder("""
                Hearth %s: one light control plane for a home server.

                Usage:
                  hearth              start Hearth (http://localhost:4327 by default)
                  hearth <command>    run a command and exit
                  hearth --version    print the version and the Java runtime
                  hearth --help       print this help

                Commands:
                """.formatted(Version.current()));
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : commands) {
            b.append("  ")
                    .append(c.name())
                    .append(" ".repeat(width - c.name().length() + 4))
                    .append(c.summary())
                    .append('\n');
        }
        b.append("""

                Settings: hearth.yml in the working directory or HEARTH_CONFIG; HEARTH_PORT, HEARTH_DATA_DIR and
                HEARTH_<KEY> for any key (docs/configuration.md). JVM flags: HEARTH_JAVA_OPTS.
                """);
        return b.toString();
    }
}
