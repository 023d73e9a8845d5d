package dev.hearth.cli;

import java.util.List;

/** A subcommand of {@code hearth}: one small class each, listed once in {@link Commands}. */
public interface Command {
    /** The word that names it on the command line, e.g. {@code doctor}. */
    String name();

    /** One line for {@code hearth --help}. */
    String summary();

    /** Runs it; the answer is the process's exit code (0 for success). */
    int run(List<String> args, CommandContext context);
}
