package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's clients set TLS up at their first https call (DeferredTls), and it is the JDK's default TLS then: a
 * server whose certificate no CA vouches for is refused, as before, while plain http never needed it.
 */
class DeferredTlsTest {

    @Test
    void anHttpsUpstreamWithAnUntrustedCertificateIsRefused(@TempDir Path dir) throws Exception {
        String pass = "changeit";
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-J-XX:TieredStopAtLevel=1",
                        "-genkeypair",
                        "-keystore",
                        "self.p12",
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        pass,
                        "-keypass",
                        pass,
                        "-alias",
                        "self",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-noprompt")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, out);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("self.p12"))) {
            store.load(in, pass.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, pass.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        UpstreamDouble plain = UpstreamDouble.start();
        plain.json("/api", 200, "{}");
        try (HttpStack stack = new HttpStack(new ObjectMapper(), Clock.systemUTC())) {
            UpstreamClient http = stack.client(UpstreamSpec.of("plain", plain.baseUrl()));
            assertEquals(200, http.get("/api").status(), "plain http needs no TLS");

            for (UpstreamClient https : List.of(
                    stack.client(UpstreamSpec.of(
                            "own",
                            URI.create(
                                    "https://127.0.0.1:" + server.getAddress().getPort() + "/"))),
                    stack.client(UpstreamSpec.of(
                            "shared",
                            URI.create(
                                    "https://127.0.0.1:" + server.getAddress().getPort() + "/"))))) {
                UpstreamException refused = assertThrows(UpstreamException.class, () -> https.get("/"));
                boolean handshake = false;
                for (Throwable c = refused; c != null; c = c.getCause())
                    handshake |= c instanceof SSLHandshakeException;
                assertTrue(handshake, "refused in the TLS handshake: " + refused);
            }
        } finally {
            server.stop(0);
            plain.close();
        }
    }
}
