package dev.hearth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate, as PEM
 * files in the layout dockerd and the docker CLI use. Made with the JDK's own keytool, so no openssl
 * is needed; private keys are written as PKCS#8 ("BEGIN PRIVATE KEY").
 *
 * @param dir holds ca.pem, server-cert.pem, server-key.pem, cert.pem, key.pem
 */
public record TestCertificates(Path dir) {

    private static final String PASS = "changeit";

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path serverCert() {
        return dir.resolve("server-cert.pem");
    }

    public Path serverKey() {
        return dir.resolve("server-key.pem");
    }

    public Path clientCert() {
        return dir.resolve("cert.pem");
    }

    public Path clientKey() {
        return dir.resolve("key.pem");
    }

    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            keytool(
                    dir,
                    "-genkeypair",
                    "-keystore",
                    "ca.p12",
                    "-alias",
                    "ca",
                    "-dname",
                    "CN=hearth-test-ca",
                    "-ext",
                    "bc:c",
                    "-ext",
                    "ku:c=keyCertSign,cRLSign");
            keytool(dir, "-exportcert", "-rfc", "-keystore", "ca.p12", "-alias", "ca", "-file", "ca.pem");
            // Each keytool run is a JVM start; the two certificates are independent, so issue them side by side.
            try (var both = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var server = both.submit(() -> issue(
                        dir,
                        "server",
                        "CN=localhost",
                        "server-cert.pem",
                        "server-key.pem",
                        "san=ip:127.0.0.1,dns:localhost",
                        "eku=serverAuth"));
                var client = both.submit(
                        () -> issue(dir, "client", "CN=hearth", "cert.pem", "key.pem", null, "eku=clientAuth"));
                server.get();
                client.get();
            }
            return new TestCertificates(dir);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create test certificates in " + dir, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating test certificates", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create test certificates in " + dir, e);
        }
    }

    private static Void issue(
            Path dir, String alias, String dname, String certFile, String keyFile, String san, String eku)
            throws IOException, GeneralSecurityException {
        String store = alias + ".p12";
        keytool(dir, "-genkeypair", "-keystore", store, "-alias", alias, "-dname", dname);
        keytool(dir, "-certreq", "-keystore", store, "-alias", alias, "-file", alias + ".csr");
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-keystore",
                "ca.p12",
                "-alias",
                "ca",
                "-infile",
                alias + ".csr",
                "-outfile",
                certFile,
                "-ext",
                eku));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(dir, gencert.toArray(String[]::new));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store))) {
            ks.load(in, PASS.toCharArray());
        }
        Key key = ks.getKey(alias, PASS.toCharArray());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(dir.resolve(keyFile), pem);
        return null;
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool is a short-lived JVM: skip the optimising compiler, it only slows the start.
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048", "-validity", "2"));
        }
        if (List.of(args).contains("-gencert")) {
            command.addAll(List.of("-validity", "2"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS, "-noprompt"));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running keytool", e);
        }
    }
}
