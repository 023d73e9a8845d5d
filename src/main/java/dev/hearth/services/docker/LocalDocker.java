package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The Docker engine next to Hearth, found without configuration (as Portainer or Dozzle find it): what was found
 * and, when it cannot be used, what the person running Hearth should do about it.
 *
 * @param state   {@code configured} (docker.endpoints names the engines), {@code off} (docker.local: off),
 *                {@code absent} (no DOCKER_HOST and no socket), {@code found} (the endpoint {@code local}),
 *                {@code unreachable} (there, but Hearth may not or cannot talk to it)
 * @param host    the address tried, empty when none was
 * @param message what the engine or the socket said, empty when nothing went wrong
 * @param hint    what to do, empty when nothing needs doing
 */
public record LocalDocker(String state, String host, String message, String hint) {
    private static final Logger LOG = Logger.getLogger(LocalDocker.class);
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    public static LocalDocker configured() {
        return new LocalDocker("configured", "", "", "");
    }

    public boolean found() {
        return state.equals("found");
    }

    /**
     * Where the local engine would be: the setting when it names an address, else DOCKER_HOST, else the default
     * socket when it exists.
     */
    static Optional<String> address(String setting, @Nullable String dockerHost, Path defaultSocket) {
        if (setting.equals("off")) return Optional.empty();
        if (!setting.equals("auto")) return Optional.of(setting);
        if (dockerHost != null && !dockerHost.isBlank()) return Optional.of(dockerHost.trim());
        return Files.exists(defaultSocket, LinkOption.NOFOLLOW_LINKS) || Files.exists(defaultSocket)
                ? Optional.of("unix://" + defaultSocket)
                : Optional.empty();
    }

    /**
     * Looks for the local engine and asks it once; what cannot be used is said in one log line, with what to do.
     *
     * @return the finding, and the client for {@code local} when it answered
     */
    static Probe probe(String setting, @Nullable String dockerHost, ObjectMapper json) {
        return probe(setting, dockerHost, json, true);
    }

    /** As above; {@code tell} false for the quiet asks while waiting for an engine that did not answer at start. */
    static Probe probe(String setting, @Nullable String dockerHost, ObjectMapper json, boolean tell) {
        if (setting.equals("off")) return new Probe(new LocalDocker("off", "", "", ""), null);
        Optional<String> address = address(setting, dockerHost, DEFAULT_SOCKET);
        if (address.isEmpty()) {
            return new Probe(
                    new LocalDocker(
                            "absent",
                            "",
                            "no DOCKER_HOST and no " + DEFAULT_SOCKET,
                            "Hearth found no Docker engine on this machine. If Docker runs here in a container of its"
                                    + " own, mount the socket (-v /var/run/docker.sock:/var/run/docker.sock:ro) or set"
                                    + " docker.endpoints in hearth.yml."),
                    null);
        }
        String host = address.get();
        DockerEngineClient client;
        try {
            client = new DockerEngineClient("local", URI.create(host), PROBE_TIMEOUT, json);
            client.ping();
        } catch (DockerException | IllegalArgumentException e) {
            LocalDocker unreachable = new LocalDocker("unreachable", host, String.valueOf(e.getMessage()), hint(host));
            if (tell)
                LOG.warnf(
                        "Docker at %s cannot be used (%s); services from its containers are not shown until it answers. %s",
                        host, unreachable.message(), unreachable.hint());
            return new Probe(unreachable, null);
        }
        LOG.infof("Docker found at %s: its containers are the endpoint 'local'", host);
        return new Probe(new LocalDocker("found", host, "", ""), client);
    }

    /** What to do when the engine is there but Hearth cannot use it. */
    static String hint(String host) {
        return hint(host, socket -> Files.isReadable(socket) && Files.isWritable(socket));
    }

    /** As above, with whether Hearth's user may open the socket (root may open any, so tests say it). */
    static String hint(String host, java.util.function.Predicate<Path> mayOpen) {
        String proxy = " Or, to give Hearth less than the whole socket, run a socket proxy (e.g."
                + " tecnativa/docker-socket-proxy with CONTAINERS=1 and POST=1) and set docker.endpoints to its"
                + " tcp://127.0.0.1:2375.";
        if (!host.startsWith("unix://")) return "Check that the engine at " + host + " runs and listens there." + proxy;
        Path socket = Path.of(URI.create(host).getPath());
        if (!Files.exists(socket)) return "No socket at " + socket + ": is Docker installed and running?" + proxy;
        String user = System.getProperty("user.name", "hearth");
        if (!mayOpen.test(socket)) {
            String group = group(socket).orElse("docker");
            return "Hearth runs as '" + user + "', which may not open " + socket + ": add it to the group '" + group
                    + "' (sudo usermod -aG " + group + " " + user + ") and restart Hearth." + proxy;
        }
        return "The socket " + socket + " is there but the engine did not answer: is dockerd running?" + proxy;
    }

    private static Optional<String> group(Path socket) {
        try {
            return Optional.of(((GroupPrincipal) Files.getAttribute(socket, "posix:group")).getName());
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The finding, and the client when the engine answered. */
    record Probe(LocalDocker finding, @Nullable DockerEngineClient client) {}
}
