package dev.hearth.hub.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key and its id. The id is the first 8 bytes of a SHA-256 of a label and the key: enough to tell
 * keys apart in the database and in messages ("sealed under key 3f2a…"), nothing that helps find the key.
 * {@code toString} shows the id only.
 */
public final class MasterKey {
    static final int BYTES = 32;

    private final byte[] bytes;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.id = idOf(this.bytes);
    }

    /** A new random key. */
    public static MasterKey generate(SecureRandom random) {
        byte[] b = new byte[BYTES];
        random.nextBytes(b);
        return new MasterKey(b);
    }

    /**
     * A key written as base64 (standard or URL-safe, padding optional), as {@code openssl rand -base64 32} prints it.
     * {@code where} names the source in the error ("HEARTH_MASTER_KEY", the key file); the text itself never appears.
     */
    public static MasterKey fromBase64(String text, String where) {
        String t = text.strip();
        byte[] decoded;
        try {
            decoded = t.indexOf('-') >= 0 || t.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            throw new VaultException(
                    VaultException.Reason.KEY_INVALID,
                    where + " is not base64; make a key with `openssl rand -base64 32`");
        }
        if (decoded.length != BYTES) {
            int length = decoded.length;
            Arrays.fill(decoded, (byte) 0);
            throw new VaultException(
                    VaultException.Reason.KEY_INVALID,
                    where + " must hold 32 bytes in base64 (it decodes to " + length
                            + " bytes); make a key with `openssl rand -base64 32`");
        }
        MasterKey key = new MasterKey(decoded);
        Arrays.fill(decoded, (byte) 0);
        return key;
    }

    public String id() {
        return id;
    }

    /** The key as base64, for the one place that shows it: the command that made it, once. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    SecretKeySpec spec() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("hearth-vault-key-id\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
