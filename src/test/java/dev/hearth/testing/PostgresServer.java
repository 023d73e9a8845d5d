package dev.hearth.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's packages, on a loopback port in a temp dir, for one test class.
 * initdb refuses to run as root, so as root the server runs as the {@code postgres} system user.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String PASSWORD = "hearth-test";
    private final Path dir;
    private final int port;
    private final Process process;

    private PostgresServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBin();
        Path dir = Files.createTempDirectory("hearth-pg-");
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir);
        run(
                as(
                        root,
                        List.of(
                                bin.resolve("initdb").toString(),
                                "-D",
                                data.toString(),
                                "-U",
                                "hearth",
                                "--pwfile=" + pwfile,
                                "-A",
                                "scram-sha-256",
                                "-E",
                                "UTF8",
                                "--no-sync")),
                dir);
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(as(
                        root,
                        List.of(
                                bin.resolve("postgres").toString(),
                                "-D",
                                data.toString(),
                                "-p",
                                String.valueOf(port),
                                "-h",
                                "127.0.0.1",
                                "-k",
                                dir.toString(),
                                "-c",
                                "fsync=off")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgres.log").toFile());
        PostgresServer server = new PostgresServer(dir, port, pb.start());
        server.awaitReady(Duration.ofSeconds(30));
        return server;
    }

    private static List<String> as(boolean root, List<String> command) {
        if (!root) return command;
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        return c;
    }

    private static Path findBin() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(
                            () -> new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql", e);
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive())
                throw new IllegalStateException("postgres exited; see " + dir.resolve("postgres.log"));
            try (var c = DriverManager.getConnection(jdbcUrl(), user(), password())) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException(
                "postgres not ready within " + timeout + ": " + (last == null ? "" : last.getMessage()));
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("setup.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " failed: " + Files.readString(dir.resolve("setup.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "hearth";
    }

    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
