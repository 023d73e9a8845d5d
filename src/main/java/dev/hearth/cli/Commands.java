package dev.hearth.cli;

import dev.hearth.cli.doctor.DoctorCommand;
import dev.hearth.cli.hub.DetectApisCommand;
import dev.hearth.cli.hub.ImportCommand;
import dev.hearth.cli.hub.RotateKeyCommand;
import dev.hearth.cli.hub.SyncTraefikCommand;
import java.util.List;

/** Every subcommand, one line each: a new one is a class and a line here, and {@code --help} lists it. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(
                new DoctorCommand(),
                new RotateKeyCommand(),
                new DetectApisCommand(),
                new SyncTraefikCommand(),
                new ImportCommand());
    }
}
