package dev.hearth.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.services.DockerConfig;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.services.docker.DockerException;
import dev.hearth.services.docker.DockerTls;
import dev.hearth.services.docker.EngineVersion;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every configured Docker endpoint: it answers, Hearth may use it, and it speaks an API Hearth knows. */
final class DockerCheck implements Check {
    static final String NAME = "docker";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public List<Finding> run(HearthConfig config) {
        List<DockerConfig.Endpoint> endpoints =
                config.section(DockerConfig.class).endpoints();
        if (endpoints.isEmpty()) {
            return List.of(Finding.skipped(NAME, "no docker.endpoints configured: containers are not managed"));
        }
        List<Finding> findings = new ArrayList<>();
        for (DockerConfig.Endpoint e : endpoints) {
            findings.add(check(e));
        }
        return findings;
    }

    private Finding check(DockerConfig.Endpoint e) {
        String where = e.name() + " (" + e.host() + ")";
        try {
            var tls = e.tlsCertPath().isEmpty() ? null : DockerTls.fromCertPath(Path.of(e.tlsCertPath()));
            DockerEngineClient client = new DockerEngineClient(e.name(), URI.create(e.host()), e.timeout(), json, tls);
            client.ping();
            EngineVersion v = client.version();
            return Finding.ok(
                    NAME,
                    where + ": Docker " + v.version() + ", API " + v.apiVersion() + ", Hearth speaks "
                            + v.negotiated());
        } catch (DockerException.EngineUnavailable u) {
            String message = String.valueOf(u.getMessage());
            return Finding.problem(NAME, message, fixFor(e, message));
        } catch (DockerException.ApiError a) {
            return Finding.problem(
                    NAME, where + ": " + a.getMessage(), "upgrade Docker Engine to 19.03 or newer (API 1.40+)");
        } catch (RuntimeException other) {
            return Finding.problem(
                    NAME,
                    where + ": " + other.getMessage(),
                    "check docker.endpoints[" + e.name() + "] (host, tls_cert_path) in hearth.yml");
        }
    }

    private static String fixFor(DockerConfig.Endpoint e, String message) {
        String m = message.toLowerCase(Locale.ROOT);
        String user = System.getProperty("user.name", "hearth");
        if (m.contains("permission denied")) {
            return "let Hearth's user use the socket: sudo usermod -aG docker " + user + " (then start Hearth again), "
                    + "or put a docker-socket-proxy in front of it (packaging/compose)";
        }
        if (m.contains("does not exist") || m.contains("refused")) {
            return "start Docker (sudo systemctl start docker), or correct docker.endpoints host '" + e.host()
                    + "' in hearth.yml";
        }
        if (m.contains("no answer")) {
            return "the engine at " + e.host() + " does not answer within "
                    + e.timeout().toSeconds() + " s: check the host and the network, "
                    + "or raise docker.endpoints timeout";
        }
        return "check that Docker runs at " + e.host() + " and that this user may reach it";
    }
}
