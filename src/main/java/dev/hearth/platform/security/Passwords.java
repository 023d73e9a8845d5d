package dev.hearth.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP's figure for SHA-512), stored as
 * {@code pbkdf2-sha512$<iterations>$<salt>$<hash>}. Hashes of the earlier SHA-256 form still verify.
 */
final class Passwords {
    private static final String SCHEME = "pbkdf2-sha512";
    private static final int ITERATIONS = 210_000;
    private static final Map<String, String> ALGORITHMS = Map.of(
            "pbkdf2-sha512", "PBKDF2WithHmacSHA512",
            "pbkdf2-sha256", "PBKDF2WithHmacSHA256");
    private final Tokens tokens;

    Passwords(Tokens tokens) {
        this.tokens = tokens;
    }

    String hash(String password) {
        byte[] salt = tokens.randomBytes(16);
        return SCHEME + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(SCHEME, password, salt, ITERATIONS));
    }

    boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !ALGORITHMS.containsKey(parts[0])) return false;
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(parts[0], password, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String scheme, String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(ALGORITHMS.get(scheme))
                    .generateSecret(spec)
                    .getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
