package dev.hearth.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.hearth.testing.Await;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, built and run on a real dockerd that reaches no registry. The base images are made from this
 * machine's own files (src/test/resources/packaging/local-base-image.sh: a Debian-like runtime, and that plus
 * Temurin and Maven) and handed in as the build arguments users leave at their public defaults; the build
 * stage fetches its Maven artifacts from the local repository served on loopback through the Dockerfile's
 * MAVEN_MIRROR argument. Nothing in the Dockerfile knows it is a test.
 */
class ContainerImageIT {
    private static final String DOCKER = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
    private static final String IMAGE = "hearth-test/hearth:it";
    private static final String CONTAINER = "hearth-image-it";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static DockerEngine engine;
    static HttpServer mavenMirror;
    static int port;

    @BeforeAll
    static void buildTheImageAndRunIt() throws Exception {
        // overlay2 rather than the harness's vfs: a multi-stage build copies whole layers under vfs.
        engine = DockerEngine.start(DockerEngine.newDir(), List.of("--storage-driver=overlay2"));
        Path jdk = Path.of(System.getProperty("java.home"));
        importBase(
                "runtime",
                "hearth-test/debian-slim:local",
                jdk,
                List.of("ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        importBase(
                "build",
                "hearth-test/maven-temurin:local",
                jdk,
                List.of(
                        "ENV PATH=/opt/java/openjdk/bin:/usr/share/maven/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                        "ENV JAVA_HOME=/opt/java/openjdk",
                        "ENV MAVEN_HOME=/usr/share/maven"));

        Path repository =
                Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        mavenMirror = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                repository.toAbsolutePath(),
                SimpleFileServer.OutputLevel.NONE);
        mavenMirror.start();

        docker(
                Duration.ofMinutes(20),
                "build",
                "--network",
                "host",
                "--build-arg",
                "BUILD_IMAGE=hearth-test/maven-temurin:local",
                "--build-arg",
                "RUNTIME_IMAGE=hearth-test/debian-slim:local",
                "--build-arg",
                "MAVEN_MIRROR=http://127.0.0.1:" + mavenMirror.getAddress().getPort() + "/",
                "-t",
                IMAGE,
                ".");
        mavenMirror.stop(0);
        mavenMirror = null;

        // The host's network (the test engine has no bridge): Hearth listens on loopback, on a free port.
        port = Ports.free();
        docker(
                Duration.ofMinutes(1),
                "run",
                "-d",
                "--name",
                CONTAINER,
                "--network",
                "host",
                "-e",
                "HEARTH_PORT=" + port,
                "-e",
                "HEARTH_SERVER_HOST=127.0.0.1",
                "--health-interval=2s",
                IMAGE);
        Await.untilTrue(
                Duration.ofSeconds(90), "Hearth in its container to answer /health", () -> status("/health") == 200);
    }

    @AfterAll
    static void stop() {
        if (mavenMirror != null) mavenMirror.stop(0);
        if (engine != null) {
            engine.stop();
            // dockerd leaves the host network's namespace handle mounted in its exec root after a host-network
            // container.
            Path netns = engine.dir().resolve("exec/netns/default");
            if (Files.exists(netns)) {
                try {
                    new ProcessBuilder("umount", netns.toString())
                            .inheritIO()
                            .start()
                            .waitFor(10, TimeUnit.SECONDS);
                } catch (IOException e) {
                    System.err.println("ContainerImageIT: could not unmount " + netns + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            engine.close();
        }
    }

    private static void importBase(String kind, String name, Path jdk, List<String> changes) throws Exception {
        Path rootfs = engine.dir().resolve("rootfs-" + kind);
        run(
                Duration.ofMinutes(2),
                "bash",
                Path.of("src/test/resources/packaging/local-base-image.sh").toString(),
                kind,
                rootfs.toString(),
                jdk.toString());
        Path tarball = engine.dir().resolve("rootfs-" + kind + ".tar");
        run(Duration.ofMinutes(2), "tar", "-C", rootfs.toString(), "-cf", tarball.toString(), ".");
        List<String> args = new ArrayList<>(List.of("import"));
        changes.forEach(c -> args.addAll(List.of("-c", c)));
        args.addAll(List.of(tarball.toString(), name));
        docker(Duration.ofMinutes(2), args.toArray(String[]::new));
    }

    private static String docker(Duration within, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(DOCKER, "-H", engine.host().toString()));
        command.addAll(List.of(args));
        return run(within, command.toArray(String[]::new));
    }

    private static String run(Duration within, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_BUILDKIT", "0");
        Path log = Files.createTempFile(engine.dir(), "cmd", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than " + within + ":\n" + tail(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + tail(log));
        return out;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int status(String path) {
        HttpResponse<String> r = get(path);
        return r == null ? -1 : r.statusCode();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String inspect(String format) throws Exception {
        return docker(Duration.ofSeconds(30), "inspect", "-f", format, CONTAINER)
                .strip();
    }

    @Test
    void theContainerServesHealthAndTheDashboardsLoginPage() {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"up\""), health.body());
        HttpResponse<String> login = get("/login");
        assertEquals(200, login.statusCode());
        assertTrue(
                login.body().contains("<title>Hearth — sign in</title>")
                        && login.body().contains("<form id=\"login\""),
                login.body());
        assertEquals(401, status("/api/v1/status"), "the API still wants a caller");
    }

    @Test
    void itsOwnHealthCheckReportsHealthy() throws Exception {
        Await.untilTrue(Duration.ofSeconds(60), "Docker to run the image's HEALTHCHECK and find it healthy", () -> {
            try {
                return inspect("{{.State.Health.Status}}").equals("healthy");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(inspect("{{json .Config.Healthcheck.Test}}").contains("/opt/hearth/packaging/docker/healthcheck"));
    }

    @Test
    void hearthRunsAsAnUnprivilegedUserWithItsDataInTheVolume() throws Exception {
        assertEquals("10001:10001", inspect("{{.Config.User}}"));
        long pid = Long.parseLong(inspect("{{.State.Pid}}"));
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        assertTrue(
                status.stream().anyMatch(l -> l.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001")),
                String.join("\n", status));
        assertTrue(
                inspect("{{range .Mounts}}{{.Type}} {{.Destination}};{{end}}").contains("volume /var/lib/hearth;"));
        assertEquals(
                "0",
                docker(
                                Duration.ofSeconds(30),
                                "exec",
                                CONTAINER,
                                "bash",
                                "-c",
                                "test -s /var/lib/hearth/hearth.db && test -s /var/lib/hearth/initial-credentials.txt; echo $?")
                        .strip());
    }

    @Test
    void itStartsWithTheStartUpCacheBakedIntoTheImage() throws Exception {
        // bin/hearth is the container's first process and runs the JVM as its child (a restore starts it again)
        long launcher = Long.parseLong(inspect("{{.State.Pid}}"));
        List<String> commands = new java.util.ArrayList<>();
        for (ProcessHandle p :
                ProcessHandle.of(launcher).orElseThrow().descendants().toList()) {
            commands.add(
                    Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' '));
        }
        String cmdline = commands.stream()
                .filter(c -> c.startsWith("/opt/java/bin/java "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the launcher runs the jlinked runtime: " + commands));
        assertTrue(cmdline.contains("-XX:AOTCache=/opt/hearth/app/hearth.aot"), cmdline);
        String logs = docker(Duration.ofSeconds(30), "logs", CONTAINER);
        assertTrue(logs.contains("Listening on: http://127.0.0.1:" + port), logs);
        assertTrue(
                logs.lines().noneMatch(l -> l.contains("[aot") || l.contains("AOTCache")),
                "the cache matched the runtime:\n" + logs);
    }
}
