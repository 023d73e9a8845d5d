package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerTlsTest {

    @Test
    void anOldStyleRsaKeyFileIsReadLikeAPkcs8One(@TempDir Path dir) throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        byte[] pkcs8 = key.getEncoded();
        // An RSA PKCS#8 structure ends with its PKCS#1 key as an OCTET STRING: cut it out.
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Path file = dir.resolve("key.pem");
        Files.writeString(
                file,
                "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                        + "\n-----END RSA PRIVATE KEY-----\n");

        assertArrayEquals(pkcs8, DockerTls.privateKey(file).getEncoded());
    }

    @Test
    void anUnsupportedKeyFileSaysHowToConvertIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

        var error = assertThrows(IllegalArgumentException.class, () -> DockerTls.privateKey(file));
        assertTrue(error.getMessage().contains("openssl pkcs8 -topk8"), error.getMessage());
    }
}
