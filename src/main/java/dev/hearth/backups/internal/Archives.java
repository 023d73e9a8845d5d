package dev.hearth.backups.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a stored archive as its gzip'd tar, decrypting it when it is encrypted. */
public final class Archives {
    private Archives() {}

    public static boolean encrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Encryption.isEncrypted(in.readNBytes(Encryption.MAGIC.length));
        }
    }

    /** @throws Encryption.DecryptionFailed when it is encrypted and no (or the wrong) passphrase is given */
    public static InputStream open(Path file, String passphrase) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(Encryption.MAGIC.length);
            boolean enc = Encryption.isEncrypted(in.readNBytes(Encryption.MAGIC.length));
            in.reset();
            if (!enc) return in;
            if (passphrase.isEmpty()) {
                throw new Encryption.DecryptionFailed(
                        "the backup is encrypted: set backups.passphrase, or give the passphrase it was made with");
            }
            return Encryption.decrypting(in, passphrase);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
