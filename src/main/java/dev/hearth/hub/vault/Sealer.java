package dev.hearth.hub.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 96-bit random nonce per value and the service and field as associated data, so a sealed
 * value copied onto another service or field fails its check instead of opening there.
 */
final class Sealer {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A value as stored: base64 nonce and ciphertext (with its tag), and the id of the key that sealed it. */
    record Sealed(String keyId, String nonce, String ciphertext) {}

    private final SecureRandom random;

    Sealer(SecureRandom random) {
        this.random = random;
    }

    Sealed seal(MasterKey key, String service, String field, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(associated(service, field));
            byte[] sealed = aes.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return new Sealed(
                    key.id(),
                    Base64.getEncoder().encodeToString(nonce),
                    Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    String open(MasterKey key, String service, String field, Sealed sealed) {
        try {
            byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
            byte[] ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
            if (nonce.length != NONCE_BYTES) {
                throw tampered(service, field);
            }
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(associated(service, field));
            return new String(aes.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw tampered(service, field);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static VaultException tampered(String service, String field) {
        return new VaultException(
                VaultException.Reason.TAMPERED,
                "the sealed value of " + service + "." + field
                        + " fails its integrity check: it was changed outside Hearth or is damaged; set it again");
    }

    private static byte[] associated(String service, String field) {
        // Service and field names cannot hold a newline (Vault checks them), so the pair is unambiguous.
        return ("hearth-vault/v1\n" + service + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }
}
