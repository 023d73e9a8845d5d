package dev.hearth.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(new Tokens());

    @Test
    void aStoredHashNamesItsSchemeAndCountAndMatchesOnlyItsPassword() {
        String stored = passwords.hash("correct horse battery staple");
        assertTrue(stored.startsWith("pbkdf2-sha512$210000$"), stored);
        assertFalse(stored.contains("correct horse"), "the password itself is never stored");
        assertTrue(passwords.matches("correct horse battery staple", stored));
        assertFalse(passwords.matches("correct horse battery stapl", stored));
        assertNotEquals(stored, passwords.hash("correct horse battery staple"), "every hash has its own salt");
    }

    @Test
    void aHashOfTheEarlierSha256FormStillVerifies() throws Exception {
        byte[] salt = new Tokens().randomBytes(16);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("an older password".toCharArray(), salt, 1000, 256))
                .getEncoded();
        String stored = "pbkdf2-sha256$1000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
        assertTrue(passwords.matches("an older password", stored));
        assertFalse(passwords.matches("another password", stored));
    }

    @Test
    void anUnknownOrMangledStoredFormMatchesNothing() {
        assertFalse(passwords.matches("x", "md5$1$abc$def"));
        assertFalse(passwords.matches("x", "pbkdf2-sha512$210000$only-three"));
    }
}
