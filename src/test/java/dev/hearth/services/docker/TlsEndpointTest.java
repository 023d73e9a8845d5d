package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.testing.DockerEngine;
import dev.hearth.testing.TestCertificates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real dockerd listening on tcp:// with --tlsverify, as a remote Docker host would be set up. */
class TlsEndpointTest {

    private static DockerEngine engine;
    private static TestCertificates certs;
    private static URI tcp;

    @BeforeAll
    static void startEngineWithTls() throws Exception {
        Path dir = DockerEngine.newDir();
        certs = TestCertificates.create(dir.resolve("certs"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        tcp = URI.create("tcp://127.0.0.1:" + port);
        engine = DockerEngine.start(
                dir,
                List.of(
                        "--host",
                        tcp.toString(),
                        "--tlsverify",
                        "--tlscacert",
                        certs.ca().toString(),
                        "--tlscert",
                        certs.serverCert().toString(),
                        "--tlskey",
                        certs.serverKey().toString()));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static DockerEngineClient client(SSLContext tls) {
        return new DockerEngineClient("remote", tcp, Duration.ofSeconds(5), new ObjectMapper(), tls);
    }

    @Test
    void aTlsEndpointIsUsedWithTheConfiguredCaAndClientCertificate() {
        DockerEngineClient client = client(DockerTls.fromPem(certs.ca(), certs.clientCert(), certs.clientKey()));

        assertEquals("1.41", client.version().negotiated());
        assertTrue(client.listContainers(true).isEmpty());
    }

    @Test
    void anEngineWhoseCertificateIsNotFromTheConfiguredCaIsRefused() {
        // Trusting only the client's own certificate: the engine's certificate does not chain to it.
        DockerEngineClient client =
                client(DockerTls.fromPem(certs.clientCert(), certs.clientCert(), certs.clientKey()));

        var error = assertThrows(DockerException.EngineUnavailable.class, client::ping);
        assertTrue(error.getMessage().startsWith("Docker endpoint 'remote'"), error.getMessage());
    }

    @Test
    void plainHttpToATlsEndpointIsAnErrorNotAHang() {
        DockerEngineClient client = new DockerEngineClient("remote", tcp, Duration.ofSeconds(5), new ObjectMapper());

        // Go's TLS listener answers a plain request with 400 "Client sent an HTTP request to an HTTPS server".
        var error = assertThrows(DockerException.ApiError.class, client::ping);
        assertEquals(400, error.status());
    }
}
