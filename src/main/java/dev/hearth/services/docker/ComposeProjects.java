package dev.hearth.services.docker;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.ChildEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Compose projects on every endpoint, and up, down and restart through {@code docker compose} (v2) or
 * {@code docker-compose} (v1), whichever is installed. A project brought down has no containers left to
 * read its files from, so each project seen is remembered until Hearth restarts.
 */
public final class ComposeProjects {
    static final String PROJECT = "com.docker.compose.project";
    private static final Duration CLI_TIMEOUT = Duration.ofMinutes(5);

    private final DockerEndpoints endpoints;
    private final Map<String, String> hearthEnvironment;
    private final Map<String, ComposeProject> seen = new ConcurrentHashMap<>();

    public ComposeProjects(DockerEndpoints endpoints) {
        this(endpoints, System.getenv());
    }

    /** {@code hearthEnvironment}: Hearth's own, of which the CLI gets only what {@link ChildEnvironment} passes. */
    public ComposeProjects(DockerEndpoints endpoints, Map<String, String> hearthEnvironment) {
        this.endpoints = endpoints;
        this.hearthEnvironment = Map.copyOf(hearthEnvironment);
    }

    /** Every project with its containers; projects seen before and now down are listed with none. */
    public List<ComposeProject> list() {
        Map<String, ComposeProject> now = new LinkedHashMap<>();
        for (String endpoint : endpoints.names()) {
            List<ContainerSummary> all;
            try {
                all = endpoints.require(endpoint).listContainers(true);
            } catch (DockerException e) {
                continue; // an unreachable endpoint shows its remembered projects only
            }
            Map<String, List<ContainerSummary>> byProject = new LinkedHashMap<>();
            all.stream()
                    .filter(c -> c.labels().containsKey(PROJECT))
                    .forEach(c -> byProject
                            .computeIfAbsent(c.labels().get(PROJECT), k -> new ArrayList<>())
                            .add(c));
            byProject.forEach((name, members) -> {
                Map<String, String> l = members.getFirst().labels();
                List<String> files = Arrays.stream(
                                l.getOrDefault(PROJECT + ".config_files", "").split(","))
                        .filter(s -> !s.isBlank())
                        .toList();
                ComposeProject p = new ComposeProject(
                        name,
                        endpoint,
                        l.getOrDefault(PROJECT + ".working_dir", ""),
                        files,
                        members.stream()
                                .map(c -> new ComposeProject.Member(
                                        c.labels().getOrDefault("com.docker.compose.service", ""),
                                        c.names().isEmpty() ? c.id() : c.names().getFirst(),
                                        c.state()))
                                .toList());
                now.put(name, p);
                seen.put(name, p);
            });
        }
        seen.forEach((name, p) -> now.putIfAbsent(
                name, new ComposeProject(name, p.endpoint(), p.workingDir(), p.configFiles(), List.of())));
        return List.copyOf(now.values());
    }

    public ComposeProject find(String name) {
        return list().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(
                        "Compose project",
                        name,
                        list().stream().map(ComposeProject::name).toList()));
    }

    /** Runs {@code up -d}, {@code down} or {@code restart} on the project; answers the CLI's output. */
    public String run(String name, String action) {
        List<String> verb = switch (action) {
            case "up" -> List.of("up", "-d", "--no-build");
            case "down" -> List.of("down");
            case "restart" -> List.of("restart");
            default -> throw ApiException.invalid("action", "must be up, down or restart");
        };
        ComposeProject p = find(name);
        if (p.configFiles().isEmpty()) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Compose project '" + name + "' carries no config_files label; it was not started by compose",
                    Map.of("project", name));
        }
        List<String> cmd = new ArrayList<>(cli().orElseThrow(() -> new ApiException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Neither 'docker compose' nor 'docker-compose' is installed on the Hearth host",
                Map.of("install", "docker-compose"))));
        cmd.addAll(List.of("-p", name));
        if (!p.workingDir().isEmpty()) cmd.addAll(List.of("--project-directory", p.workingDir()));
        p.configFiles().forEach(f -> cmd.addAll(List.of("-f", f)));
        cmd.addAll(verb);
        return exec(cmd, p.endpoint(), p.workingDir());
    }

    private String exec(List<String> cmd, String endpoint, String workingDir) {
        try {
            Path out = Files.createTempFile("hearth-compose", ".log");
            try {
                ProcessBuilder pb =
                        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
                if (!workingDir.isEmpty() && Files.isDirectory(Path.of(workingDir)))
                    pb.directory(Path.of(workingDir).toFile());
                // compose substitutes ${VAR} in the project's files from its environment: Hearth's secrets must not be
                // there.
                Map<String, String> docker = new LinkedHashMap<>();
                docker.put("DOCKER_HOST", endpoints.host(endpoint));
                String certs = endpoints.certPath(endpoint);
                if (!certs.isEmpty()) {
                    docker.put("DOCKER_TLS_VERIFY", "1");
                    docker.put("DOCKER_CERT_PATH", certs);
                }
                ChildEnvironment.apply(pb, hearthEnvironment, docker);
                Process proc = pb.start();
                proc.getOutputStream().close();
                if (!proc.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    proc.destroyForcibly();
                    throw new ApiException(
                            ErrorCode.TIMEOUT, "compose did not finish within " + CLI_TIMEOUT.toMinutes() + " minutes");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (proc.exitValue() != 0) {
                    throw new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "compose failed (exit " + proc.exitValue() + ")",
                            Map.of("command", String.join(" ", cmd), "output", tail(text)));
                }
                return tail(text);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "compose could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
        }
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** {@code docker compose} where the plugin answers, else {@code docker-compose} on the PATH. */
    static Optional<List<String>> cli() {
        if (answers(List.of("docker", "compose", "version"))) return Optional.of(List.of("docker", "compose"));
        if (answers(List.of("docker-compose", "version"))) return Optional.of(List.of("docker-compose"));
        return Optional.empty();
    }

    private static boolean answers(List<String> cmd) {
        try {
            Process p = ChildEnvironment.apply(new ProcessBuilder(cmd), System.getenv(), Map.of())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
