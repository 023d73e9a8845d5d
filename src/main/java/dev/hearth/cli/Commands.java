package dev.hearth.cli;

import dev.hearth.cli.doctor.DoctorCommand;
import java.util.List;

/** Every subcommand, one line each: a new one is a class and a line here, and {@code --help} lists it. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(new DoctorCommand());
    }
}
