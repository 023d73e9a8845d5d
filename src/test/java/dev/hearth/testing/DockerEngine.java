package dev.hearth.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.services.docker.DockerException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code dockerd} in a private temp dir, for tests: its own socket, data root and exec root, no
 * iptables, no bridge, vfs storage, so it runs beside (and never touches) a system Docker. It holds one
 * local image, {@link #TEST_IMAGE}, imported from the host's busybox-static: no registry is needed.
 */
public final class DockerEngine implements AutoCloseable {

    /** Busybox with sh, sleep, echo, cat, httpd, ...; run it with network "none". */
    public static final String TEST_IMAGE = "hearth-test/busybox:local";

    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);
    private static final List<String> BUSYBOX_APPLETS = List.of(
            "sh", "sleep", "echo", "httpd", "cat", "true", "false", "test", "[", "ls", "yes", "dd", "touch", "rm");

    private final Path dir;
    private final List<String> extraArgs;
    private final Path socket;
    private final Path logFile;
    private Process daemon;

    private DockerEngine(Path dir, List<String> extraArgs) {
        this.dir = dir;
        this.extraArgs = List.copyOf(extraArgs);
        this.socket = dir.resolve("docker.sock");
        this.logFile = dir.resolve("dockerd.log");
    }

    /** Starts a fresh engine and imports the test image; fails (never skips) if that is impossible. */
    public static DockerEngine start() {
        return start(newDir(), List.of());
    }

    /**
     * As {@link #start()}, with more dockerd arguments (e.g. a TLS {@code tcp://} listener) in {@code dir},
     * which should come from {@link #newDir()}; the unix socket stays, for readiness and the image import.
     */
    public static DockerEngine start(Path dir, List<String> extraDaemonArgs) {
        DockerEngine engine = new DockerEngine(dir, extraDaemonArgs);
        long t0 = System.nanoTime();
        try {
            engine.startDaemon();
            engine.importTestImage();
            System.err.printf(
                    "DockerEngine: dockerd ready with %s in %d ms (%s)%n",
                    TEST_IMAGE, (System.nanoTime() - t0) / 1_000_000, dir);
            return engine;
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
    }

    /** A fresh temp dir for an engine; short on purpose: a unix socket path may not exceed 108 bytes. */
    public static Path newDir() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "hd");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp dir for dockerd", e);
        }
    }

    public URI host() {
        return URI.create("unix://" + socket);
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return logFile;
    }

    /** A client for this engine under the endpoint name "test". */
    public DockerEngineClient client(Duration timeout) {
        return new DockerEngineClient("test", host(), timeout, new ObjectMapper());
    }

    public DockerEngineClient client() {
        return client(Duration.ofSeconds(10));
    }

    public boolean isRunning() {
        return daemon != null && daemon.isAlive();
    }

    /** Stops dockerd (SIGTERM, SIGKILL after a deadline) but keeps its data, so {@link #restart()} finds it. */
    public synchronized void stop() {
        Process p = daemon;
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList(); // containerd, shims
        p.destroy();
        try {
            if (!p.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        // Only the processes this engine started; a SIGKILLed dockerd leaves them orphaned.
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        daemon = null;
    }

    /** Starts dockerd again on the same socket and data (the image is still there). */
    public synchronized void restart() {
        stop();
        startDaemon();
    }

    @Override
    public synchronized void close() {
        long t0 = System.nanoTime();
        stop();
        deleteTree(dir);
        System.err.printf(
                "DockerEngine: stopped and removed in %d ms (%s)%n", (System.nanoTime() - t0) / 1_000_000, dir);
    }

    private synchronized void startDaemon() {
        Path dockerd = findOnPath(
                "dockerd", "install the docker.io package (CI does: apt-get install -y docker.io busybox-static)");
        List<String> command = new ArrayList<>(List.of(
                dockerd.toString(),
                "--host",
                "unix://" + socket,
                "--data-root",
                dir.resolve("data").toString(),
                "--exec-root",
                dir.resolve("exec").toString(),
                "--pidfile",
                dir.resolve("docker.pid").toString(),
                "--iptables=false",
                "--ip6tables=false",
                "--bridge=none",
                "--storage-driver=vfs",
                // Left-over test containers would otherwise hold up every shutdown for 15 s.
                "--shutdown-timeout=2"));
        command.addAll(extraArgs);
        try {
            Files.deleteIfExists(socket);
            daemon = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dockerd: " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() {
        DockerEngineClient client = client(Duration.ofSeconds(2));
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        DockerException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("dockerd exited with " + daemon.exitValue()
                        + " before it was ready (it needs root). Its log, " + logFile + ":\n" + tail(logFile));
            }
            try {
                client.ping();
                return;
            } catch (DockerException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for dockerd", e);
            }
        }
        stop();
        throw new IllegalStateException("dockerd did not answer /_ping within " + READY_DEADLINE.toSeconds()
                + " s (last: " + (last == null ? "-" : last.getMessage()) + "). Its log:\n" + tail(logFile));
    }

    /** A rootfs of the static busybox and its applet links, imported as {@link #TEST_IMAGE}. */
    private void importTestImage() {
        Path busybox = Stream.of("/bin/busybox", "/usr/bin/busybox")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no busybox found: install busybox-static (a static binary runs in an empty image)"));
        Path rootfs = dir.resolve("rootfs");
        Path tarball = dir.resolve("rootfs.tar");
        try {
            Files.createDirectories(rootfs.resolve("bin"));
            Files.createDirectories(rootfs.resolve("tmp"));
            Files.copy(busybox, rootfs.resolve("bin/busybox"));
            for (String applet : BUSYBOX_APPLETS) {
                Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
            }
            run(List.of("tar", "-C", rootfs.toString(), "-cf", tarball.toString(), "bin", "tmp"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the busybox rootfs tarball", e);
        }
        client(Duration.ofSeconds(30)).importImage(tarball, "hearth-test/busybox", "local", List.of("ENV PATH=/bin"));
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    /** dockerd lives in /usr/sbin, which a non-login PATH may lack. */
    private static Path findOnPath(String program, String hint) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program);
            }
        }
        throw new IllegalStateException(program + " is not installed: " + hint);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> failed = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    failed.add(p);
                }
            });
        } catch (IOException e) {
            failed.add(root);
        }
        if (!failed.isEmpty()) {
            System.err.println("DockerEngine: could not delete " + failed.size() + " paths under " + root + " (first: "
                    + failed.get(0) + ")");
        }
    }
}
