package dev.hearth.backups.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked AES-256-GCM format: what goes in comes out, and every kind of damage is refused, never opened short. */
class EncryptionTest {
    private static final int FAST = 1000; // iterations: the format's, not its strength, is under test here

    static byte[] seal(byte[] plain, String passphrase, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = Encryption.encrypting(sink, passphrase, FAST, chunk)) {
            out.write(plain);
        }
        return sink.toByteArray();
    }

    static byte[] open(byte[] sealed, String passphrase) throws IOException {
        return Encryption.decrypting(new ByteArrayInputStream(sealed), passphrase)
                .readAllBytes();
    }

    @Test
    void whatIsSealedOpensWithTheSamePassphraseWhateverItsLength() throws IOException {
        Random r = new Random(1);
        for (int size : new int[] {0, 1, 63, 64, 65, 640, 1000}) {
            byte[] plain = new byte[size];
            r.nextBytes(plain);
            byte[] sealed = seal(plain, "correct horse", 64);
            assertArrayEquals(plain, open(sealed, "correct horse"), "size " + size);
            int chunks = Math.max(1, (size + 63) / 64);
            assertEquals(
                    Encryption.HEADER_LENGTH + size + 16L * chunks,
                    sealed.length,
                    "one tag per chunk, no empty last chunk, size " + size);
        }
    }

    @Test
    void theWrongPassphraseIsRefusedAtTheFirstChunk() throws IOException {
        byte[] sealed = seal("secret state".getBytes(), "right", 64);
        Encryption.DecryptionFailed e = assertThrows(Encryption.DecryptionFailed.class, () -> open(sealed, "wrong"));
        assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
    }

    @Test
    void aFileCutAtAChunkBoundaryIsRefusedNotOpenedShort() throws IOException {
        byte[] plain = new byte[64 * 3 + 10];
        new Random(2).nextBytes(plain);
        byte[] sealed = seal(plain, "p", 64);
        byte[] cut = Arrays.copyOf(sealed, Encryption.HEADER_LENGTH + 2 * (64 + 16));
        Encryption.DecryptionFailed e = assertThrows(Encryption.DecryptionFailed.class, () -> open(cut, "p"));
        assertTrue(e.getMessage().contains("chunk 1"), e.getMessage());
    }

    @Test
    void aFlippedBitAnywhereIsRefused() throws IOException {
        byte[] sealed = seal(new byte[300], "p", 64);
        for (int at : new int[] {
            Encryption.MAGIC.length + 2, Encryption.HEADER_LENGTH - 1, Encryption.HEADER_LENGTH + 5, sealed.length - 1
        }) {
            byte[] bad = sealed.clone();
            bad[at] ^= 1;
            assertThrows(IOException.class, () -> open(bad, "p"), "bit flipped at " + at);
        }
    }

    @Test
    void aPlainArchiveIsNotMistakenForAnEncryptedOne() {
        assertThrows(Encryption.DecryptionFailed.class, () -> open(new byte[] {0x1f, (byte) 0x8b, 8, 0}, "p"));
        assertTrue(Encryption.isEncrypted("HEARTH-BACKUP-AES256GCM-1\nrest".getBytes()));
    }
}
