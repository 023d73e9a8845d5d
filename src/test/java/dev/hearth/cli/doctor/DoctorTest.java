package dev.hearth.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.cli.CommandContext;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.DockerEngineHarness;
import dev.hearth.testing.Ports;
import dev.hearth.testing.QbittorrentDaemon;
import dev.hearth.testing.TestConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth doctor} on a machine where everything is right, and on one where everything is wrong. */
@ExtendWith(DockerEngineHarness.class)
class DoctorTest {

    private record Outcome(int exit, String out) {
        List<String> lines(String verdict, String check) {
            return out.lines()
                    .filter(l -> l.startsWith("  " + verdict) && l.substring(11).startsWith(check))
                    .toList();
        }
    }

    private static Outcome doctor(Path config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandContext context = new CommandContext(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                TestConfig.environment(Map.of("hearth.config", config.toString()), Map.of()),
                Clock.systemUTC());
        int exit = new DoctorCommand().run(List.of(), context);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMachineWhereAllIsRightPassesEveryCheckAndExitsZero(DockerEngine docker, @TempDir Path dir) throws Exception {
        try (QbittorrentDaemon qbit = new QbittorrentDaemon(dir.resolve("qbit"))) {
            Path data = Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("hearth.yml");
            Files.writeString(config, """
                    data_dir: %s
                    server: { host: 127.0.0.1, port: %d }
                    docker:
                      endpoints:
                        - { name: local, host: "%s" }
                    services:
                      - name: qbittorrent
                        url: %s
                        integration: qbittorrent
                        credentials: { username: %s, password: %s }
                    """.formatted(
                    data, Ports.free(), docker.host(), qbit.url(), QbittorrentDaemon.USER, QbittorrentDaemon.PASSWORD));
            Outcome o = doctor(config);
            assertEquals(0, o.exit(), o.out());
            assertFalse(o.out().contains("PROBLEM"), o.out());
            assertTrue(o.out().endsWith("No problems found.\n"), o.out());
            assertEquals(1, o.lines("ok", "docker").size(), o.out());
            assertTrue(o.lines("ok", "docker").getFirst().contains("API 1.4"), o.out());
            assertEquals(1, o.lines("ok", "port").size(), o.out());
            assertTrue(o.lines("ok", "data dir").getFirst().contains(data + " is writable"), o.out());
            assertTrue(
                    o.lines("ok", "upstream").getFirst().contains("qbittorrent (qbittorrent, " + qbit.url()), o.out());
            assertEquals(1, o.lines("ok", "java").size(), o.out());
            assertEquals(
                    1, o.lines("ok", "clock").size(), "qBittorrent sends a Date header to compare with:\n" + o.out());
        }
    }

    @Test
    void aMachineWhereAllIsWrongNamesEachProblemWithItsFixAndExitsOne(@TempDir Path dir) throws Exception {
        // A home server whose clock is an hour behind (the JDK's HttpServer writes its own Date, so a plain socket).
        ServerSocket slowClock = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!slowClock.isClosed()) {
                try (Socket s = slowClock.accept()) {
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request head is read and ignored
                    }
                    String anHourAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
                    s.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nDate: " + anHourAgo
                                            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        try (QbittorrentDaemon qbit = new QbittorrentDaemon(dir.resolve("qbit"));
                ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path notADir = Files.writeString(dir.resolve("data"), "a file where the data dir should be");
            Path config = dir.resolve("hearth.yml");
            Files.writeString(config, """
                    data_dir: %s
                    server: { host: 127.0.0.1, port: %d }
                    docker:
                      endpoints:
                        - { name: local, host: "unix://%s/no-docker.sock" }
                    services:
                      - name: qbittorrent
                        url: %s
                        integration: qbittorrent
                        credentials: { username: admin, password: not-the-password }
                      - name: nas
                        url: http://127.0.0.1:%d
                      - name: gone
                        url: http://127.0.0.1:%d
                        timeout: 2s
                    """.formatted(
                            notADir, taken.getLocalPort(), dir, qbit.url(), slowClock.getLocalPort(), Ports.free()));
            long t0 = System.nanoTime();
            Outcome o = doctor(config);
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(15)) < 0,
                    "the checks run at once, each bounded");
            assertEquals(1, o.exit(), o.out());
            assertTrue(
                    o.out()
                            .contains("\n  PROBLEM  docker     Docker endpoint 'local' (unix://" + dir
                                    + "/no-docker.sock) is unavailable: socket "),
                    o.out());
            assertFixFollows(o, "docker", "start Docker (sudo systemctl start docker)");
            assertTrue(o.lines("PROBLEM", "port").getFirst().contains("127.0.0.1:" + taken.getLocalPort()), o.out());
            assertFixFollows(o, "port", "HEARTH_PORT");
            assertTrue(
                    o.lines("PROBLEM", "data dir").getFirst().contains(notADir + " exists but is not a directory"),
                    o.out());
            assertFixFollows(o, "data dir", "point HEARTH_DATA_DIR");
            assertTrue(
                    o.lines("PROBLEM", "upstream").stream().anyMatch(l -> l.contains("qbittorrent (qbittorrent,")),
                    o.out());
            assertFixFollows(o, "upstream", "correct services[qbittorrent].credentials");
            assertTrue(o.lines("PROBLEM", "upstream").stream().anyMatch(l -> l.contains("gone (http,")), o.out());
            assertTrue(o.out().contains("check that gone runs and listens at http://127.0.0.1:"), o.out());
            assertTrue(o.lines("ok", "upstream").stream().anyMatch(l -> l.contains("nas (http,")), o.out());
            List<String> clock = o.lines("PROBLEM", "clock");
            assertEquals(1, clock.size(), o.out());
            assertTrue(
                    clock.getFirst()
                            .matches(".*this machine's clock is 3[56]\\d\\d s ahead of nas's \\(its Date header\\)"),
                    clock.getFirst());
            assertFixFollows(o, "clock", "timedatectl set-ntp true");
            assertTrue(o.lines("ok", "clock").stream().anyMatch(l -> l.contains("qbittorrent's clock")), o.out());
            long problems =
                    o.out().lines().filter(l -> l.startsWith("  PROBLEM")).count();
            assertTrue(o.out().endsWith(problems + " problems found: see the fix under each.\n"), o.out());
        } finally {
            slowClock.close();
        }
    }

    @Test
    void aConfigurationHearthWouldRefuseIsTheProblemReported(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("hearth.yml"), "server:\n  port: seventy\n");
        Outcome o = doctor(config);
        assertEquals(1, o.exit(), o.out());
        assertTrue(o.out().contains("  PROBLEM  config     " + config + ": server.port"), o.out());
        assertTrue(o.out().contains("fix: correct it in hearth.yml"), o.out());
    }

    @Test
    void aCredentialsFileOthersCanReadIsAProblem(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path credentials = Files.writeString(data.resolve("initial-credentials.txt"), "Browser login:  admin / x\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Path config = Files.writeString(
                dir.resolve("hearth.yml"),
                "data_dir: " + data + "\nserver: { host: 127.0.0.1, port: " + Ports.free() + " }\n");
        Outcome o = doctor(config);
        assertEquals(1, o.exit(), o.out());
        assertTrue(o.lines("PROBLEM", "data dir").getFirst().contains("can be read by others (rw-r--r--)"), o.out());
        assertFixFollows(o, "data dir", "chmod 600 " + credentials);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, doctor(config).exit());
    }

    /** The line after the check's problem line is its fix. */
    private static void assertFixFollows(Outcome o, String check, String fix) {
        List<String> lines = o.out().lines().toList();
        boolean found = false;
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("  PROBLEM")
                    && lines.get(i).substring(11).startsWith(check)) {
                String next = lines.get(i + 1).strip();
                assertTrue(next.startsWith("fix: "), "a fix under " + lines.get(i));
                found |= next.contains(fix);
            }
        }
        assertTrue(found, "fix containing '" + fix + "' for " + check + ":\n" + o.out());
    }
}
