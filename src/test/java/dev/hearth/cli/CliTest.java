package dev.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext context = new CommandContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            TestConfig.environment(Map.of(), Map.of()),
            Clock.systemUTC());

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsMeansStartTheServer() {
        assertEquals(OptionalInt.empty(), Cli.standard().dispatch(new String[0], context));
        assertEquals("", out());
    }

    @Test
    void versionNamesHearthAndTheJavaRuntimeItRunsOn() {
        assertEquals(OptionalInt.of(0), Cli.standard().dispatch(new String[] {"--version"}, context));
        assertTrue(out().startsWith("hearth " + Version.current() + "\n"), out());
        assertTrue(out().contains("Java " + Runtime.version()), out());
        assertTrue(out().contains(System.getProperty("java.home")), out());
    }

    @Test
    void helpListsEveryRegisteredCommandWithItsSummaryAndNothingElse() {
        assertEquals(OptionalInt.of(0), Cli.standard().dispatch(new String[] {"--help"}, context));
        List<String> listed = out().lines()
                .dropWhile(l -> !l.equals("Commands:"))
                .skip(1)
                .takeWhile(l -> !l.isBlank())
                .map(l -> l.strip().split(" ")[0])
                .toList();
        assertEquals(Commands.all().stream().map(Command::name).toList(), listed);
        assertTrue(listed.contains("doctor"));
        assertTrue(out().contains("hearth --version"));
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithTheHelpOnStandardError() {
        assertEquals(OptionalInt.of(Cli.USAGE), Cli.standard().dispatch(new String[] {"backup-everything"}, context));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("hearth: unknown command 'backup-everything'\n"), e);
        assertTrue(e.contains("doctor"), e);
        assertEquals("", out());
    }

    @Test
    void aRegisteredCommandRunsWithTheRestOfTheArgumentsAndItsExitCodeIsKept() {
        Command echo = new Command() {
            @Override
            public String name() {
                return "echo-args";
            }

            @Override
            public String summary() {
                return "prints its arguments";
            }

            @Override
            public int run(List<String> args, CommandContext c) {
                c.out().println(String.join(",", args));
                return 3;
            }
        };
        Cli cli = new Cli(List.of(echo));
        assertEquals(OptionalInt.of(3), cli.dispatch(new String[] {"echo-args", "a", "b"}, context));
        assertEquals("a,b\n", out());
        out.reset();
        cli.dispatch(new String[] {"--help", "echo-args"}, context);
        assertEquals("hearth echo-args: prints its arguments\n", out());
        assertFalse(cli.help().contains("doctor"), "help lists the commands it was given");
    }
}
