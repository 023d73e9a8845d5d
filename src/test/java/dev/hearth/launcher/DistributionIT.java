package dev.hearth.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Await;
import dev.hearth.testing.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/hearth-<version>.tar.gz} as a user gets it: unpacked where there is no pom.xml, no sources and
 * no Maven, run by {@code bin/hearth} on a Java runtime made with jlink from {@code packaging/jlink-modules}
 * (no javac in it), with a PATH of a few basic programs and nothing else from the environment.
 */
class DistributionIT {
    /** What a minimal Debian has, and all bin/hearth may use. */
    private static final List<String> BASIC_PROGRAMS = List.of(
            "bash",
            "env",
            "sed",
            "find",
            "head",
            "ls",
            "sort",
            "dirname",
            "readlink",
            "rm",
            "mv",
            "cat",
            "mkdir",
            "grep",
            "id",
            "getent",
            "cp",
            "chmod",
            "ln",
            "basename");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path machine;

    static Path hearth;
    static Path runtime;
    static String version;

    @BeforeAll
    static void unpackAndMakeARuntime() throws Exception {
        List<Path> archives;
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            archives = s.filter(p -> p.getFileName().toString().matches("hearth-.+\\.tar\\.gz"))
                    .toList();
        }
        assertEquals(1, archives.size(), "mvn package makes one hearth-<version>.tar.gz: " + archives);
        String name = archives.getFirst().getFileName().toString();
        version = name.substring("hearth-".length(), name.length() - ".tar.gz".length());
        Path opt = Files.createDirectories(machine.resolve("opt"));
        run(List.of("tar", "-xzf", archives.getFirst().toAbsolutePath().toString(), "-C", opt.toString()), Map.of());
        hearth = opt.resolve("hearth-" + version);

        runtime = machine.resolve("java-runtime");
        List<String> modules = new ArrayList<>();
        String available = run(List.of(jdkTool("java"), "--list-modules"), Map.of());
        for (String line : Files.readAllLines(Path.of("packaging/jlink-modules"))) {
            String m = line.strip();
            if (!m.isEmpty() && !m.startsWith("#") && available.contains(m + "@")) modules.add(m);
        }
        run(
                List.of(
                        jdkTool("jlink"),
                        "--add-modules",
                        String.join(",", modules),
                        "--strip-debug",
                        "--no-man-pages",
                        "--no-header-files",
                        "--output",
                        runtime.toString()),
                Map.of());

        Path tools = Files.createDirectories(machine.resolve("tools"));
        for (String program : BASIC_PROGRAMS) {
            Path real = Stream.of("/usr/bin", "/bin")
                    .map(d -> Path.of(d, program))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow();
            Files.createSymbolicLink(tools.resolve(program), real);
        }
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** A clean environment: the basic programs and the jlinked runtime's java on PATH, no JAVA_HOME, no Maven. */
    private static ProcessBuilder hearth(Path workDir, Map<String, String> settings, String... args) {
        List<String> command =
                new ArrayList<>(List.of(hearth.resolve("bin/hearth").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", machine.resolve("tools") + ":" + runtime.resolve("bin"));
        env.put("HOME", machine.toString());
        env.putAll(settings);
        return pb;
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return finish(pb.start(), String.join(" ", command));
    }

    private static String finish(Process p, String what) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), what + " did not end");
        assertEquals(0, p.exitValue(), what + ":\n" + out);
        return out;
    }

    @Test
    void theArchiveHoldsTheApplicationTheLauncherAndTheDocsAndNoSources() {
        assertTrue(Files.isRegularFile(hearth.resolve("app/quarkus-run.jar")));
        assertTrue(Files.isExecutable(hearth.resolve("bin/hearth")));
        assertTrue(Files.isRegularFile(hearth.resolve("docs/configuration.md")));
        assertTrue(Files.isRegularFile(hearth.resolve("docs/operations.md")));
        assertTrue(Files.isRegularFile(hearth.resolve("README.md")));
        assertTrue(Files.isRegularFile(hearth.resolve("packaging/systemd/hearth.service")));
        assertTrue(Files.isExecutable(hearth.resolve("packaging/install.sh")));
        assertFalse(Files.exists(hearth.resolve("pom.xml")));
        assertFalse(Files.exists(hearth.resolve("src")));
        assertFalse(Files.exists(hearth.resolve("app/hearth.aot")), "no start-up cache from the build machine");
        assertFalse(Files.exists(runtime.resolve("bin/javac")), "a runtime, not a JDK");
        assertFalse(Files.exists(machine.resolve("tools/mvn")));
    }

    @Test
    void versionAndHelpComeFromTheUnpackedDistributionOnTheJavaRuntimeAlone(@TempDir Path work) throws Exception {
        String v = finish(hearth(work, Map.of(), "--version").start(), "hearth --version");
        assertTrue(v.startsWith("hearth " + version + "\n"), v);
        assertTrue(
                v.contains(" at " + runtime), "runs on the runtime found on PATH, not a JDK from /usr/lib/jvm:\n" + v);
        String help = finish(hearth(work, Map.of(), "--help").start(), "hearth --help");
        assertTrue(help.contains("\n  doctor "), help);
        assertFalse(Files.exists(hearth.resolve("app/hearth.aot.conf")), "a command records no start-up cache");
    }

    @Test
    void itStartsAnswersHealthAndTheLoginPageRecordsItsStartUpCacheAndStartsAgainWithIt(@TempDir Path work)
            throws Exception {
        int port = Ports.free();
        Map<String, String> settings = Map.of(
                "HEARTH_PORT",
                String.valueOf(port),
                "HEARTH_SERVER_HOST",
                "127.0.0.1",
                "HEARTH_DATA_DIR",
                work.resolve("data").toString(),
                "HEARTH_ADMIN_API_KEY",
                "hth_distribution_test_admin_key_of_32_chars");
        startAndStop(work, settings, port, "first");
        Path cache = hearth.resolve("app/hearth.aot");
        Await.untilTrue(
                Duration.ofSeconds(90),
                "the start-up cache assembled after the first start",
                () -> Files.isRegularFile(cache));
        startAndStop(work, settings, port, "second");
        String second = Files.readString(work.resolve("second.out"));
        assertFalse(second.contains("AOTCache") && second.contains("error"), second);

        Process doctor = hearth(work, settings, "doctor")
                .redirectOutput(work.resolve("doctor.out").toFile())
                .start();
        assertTrue(doctor.waitFor(60, TimeUnit.SECONDS));
        String report = Files.readString(work.resolve("doctor.out"));
        assertEquals(0, doctor.exitValue(), report);
        assertTrue(report.contains("ok       java       Java ") && report.contains(runtime.toString()), report);
        assertTrue(report.contains("ok       data dir   " + work.resolve("data") + " is writable"), report);
    }

    @Test
    void theInstallScriptStagesAUnitThatSystemdAnalyzeVerifyAcceptsAndAnUpgradeKeepsTheSettings(@TempDir Path staging)
            throws Exception {
        String first = finish(
                hearth(staging, Map.of())
                        .command(hearth.resolve("packaging/install.sh").toString(), "--root", staging.toString())
                        .start(),
                "install.sh --root");
        assertTrue(first.contains("installed hearth-" + version + " in /opt/hearth"), first);
        assertTrue(Files.isExecutable(staging.resolve("opt/hearth/bin/hearth")));
        assertTrue(Files.isRegularFile(staging.resolve("opt/hearth/app/quarkus-run.jar")));
        assertEquals(
                "/opt/hearth/bin/hearth",
                Files.readSymbolicLink(staging.resolve("usr/local/bin/hearth")).toString());
        Path unit = staging.resolve("etc/systemd/system/hearth.service");
        List<String> lines = Files.readAllLines(unit);
        for (String required : List.of(
                "User=hearth",
                "SupplementaryGroups=docker",
                "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/hearth",
                "ExecStart=/opt/hearth/bin/hearth",
                "Environment=HEARTH_DATA_DIR=/var/lib/hearth",
                "NoNewPrivileges=true")) {
            assertTrue(lines.contains(required), "the unit has " + required);
        }
        assertEquals("", verify(staging), "systemd-analyze verify has nothing to say about the unit");
        // The same check on a broken copy complains: verify reads what install.sh wrote.
        Path broken = staging.resolve("etc/systemd/system/hearth-broken.service");
        Files.writeString(broken, Files.readString(unit).replace("ProtectSystem=strict", "ProtectSystem=very"));
        String complaint = verify(staging, "/etc/systemd/system/hearth-broken.service");
        assertTrue(
                complaint.contains("hearth-broken.service:")
                        && complaint.contains("Failed to parse protect system value"),
                complaint);
        Files.delete(broken);

        Path settings = staging.resolve("etc/hearth/hearth.yml");
        Files.writeString(settings, "server:\n  port: 4444\n");
        String again = finish(
                hearth(staging, Map.of())
                        .command(hearth.resolve("packaging/install.sh").toString(), "--root", staging.toString())
                        .start(),
                "install.sh --root, again");
        assertTrue(again.contains("kept the installed version as /opt/hearth.previous"), again);
        assertEquals("server:\n  port: 4444\n", Files.readString(settings), "an upgrade keeps the settings");
        assertTrue(Files.isRegularFile(staging.resolve("opt/hearth.previous/app/quarkus-run.jar")));
    }

    /** systemd-analyze verify in the staged root, with the system's own units copied in for the targets it names. */
    private static String verify(Path staging, String... units) throws Exception {
        Path systemUnits = staging.resolve("usr/lib/systemd/system");
        if (!Files.isDirectory(systemUnits)) {
            Files.createDirectories(systemUnits.getParent());
            run(
                    List.of(
                            "cp",
                            "-a",
                            "/usr/lib/systemd/system",
                            systemUnits.getParent().toString()),
                    Map.of());
        }
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + staging));
        command.addAll(units.length == 0 ? List.of("/etc/systemd/system/hearth.service") : List.of(units));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    private static void startAndStop(Path work, Map<String, String> settings, int port, String name) throws Exception {
        Process p = hearth(work, settings)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .start();
        try {
            Await.untilTrue(Duration.ofSeconds(90), "Hearth (" + name + " start) to answer /health", () -> {
                if (!p.isAlive())
                    throw new IllegalStateException("Hearth stopped: " + read(work.resolve(name + ".out")));
                return status(port, "/health") == 200;
            });
            assertEquals(200, status(port, "/login"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Hearth stops on SIGTERM");
        }
        assertTrue(
                p.exitValue() == 143 || p.exitValue() == 0,
                "exit " + p.exitValue() + ": " + read(work.resolve(name + ".out")));
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
