package dev.hearth.backups.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted backup format, documented in docs/backups.md so an archive can be opened without Hearth:
 *
 * <pre>
 * header  = "HEARTH-BACKUP-AES256GCM-1\n" (26 bytes) | iterations (uint32, big-endian) | chunk size (uint32) | salt (16 bytes)
 * key     = PBKDF2-HMAC-SHA256(passphrase as UTF-8, salt, iterations, 32 bytes)
 * body    = chunk 0 | chunk 1 | ... ; chunk i = AES-256-GCM(key, nonce i, plaintext i, associated data = header), tag appended
 * nonce i = i as uint64 big-endian | 00 00 00 | 01 for the last chunk, else 00
 * </pre>
 *
 * Every chunk but the last carries exactly {@code chunk size} plaintext bytes; the last carries 1 to chunk size
 * (0 only when the whole plaintext is empty). Chunks keep memory flat for archives of any size (a single GCM
 * message must be held whole before it can be checked), and the last-chunk flag makes a file cut at a chunk
 * boundary fail instead of decrypting short. The key is new for every file (a fresh salt), so counters as
 * nonces never repeat under one key.
 */
public final class Encryption {
    static final byte[] MAGIC = "HEARTH-BACKUP-AES256GCM-1\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_LENGTH = MAGIC.length + 4 + 4 + 16;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;

    public static final int CHUNK = 1 << 20;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Encryption() {}

    /** Thrown when a file cannot be decrypted: the wrong passphrase, or a damaged or cut file. */
    public static final class DecryptionFailed extends IOException {
        DecryptionFailed(String message) {
            super(message);
        }
    }

    /** Whether the file starts like an encrypted Hearth backup. */
    public static boolean isEncrypted(byte[] firstBytes) {
        return firstBytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(firstBytes, MAGIC.length), MAGIC);
    }

    public static OutputStream encrypting(OutputStream out, String passphrase) throws IOException {
        return encrypting(out, passphrase, ITERATIONS, CHUNK);
    }

    static OutputStream encrypting(OutputStream out, String passphrase, int iterations, int chunk) throws IOException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] header = ByteBuffer.allocate(HEADER_LENGTH)
                .put(MAGIC)
                .putInt(iterations)
                .putInt(chunk)
                .put(salt)
                .array();
        out.write(header);
        return new Sealer(out, key(passphrase, salt, iterations), header, chunk);
    }

    /** @throws DecryptionFailed if this is not a Hearth encrypted backup */
    public static InputStream decrypting(InputStream in, String passphrase) throws IOException {
        byte[] header = in.readNBytes(HEADER_LENGTH);
        if (header.length < HEADER_LENGTH || !isEncrypted(header))
            throw new DecryptionFailed("not an encrypted Hearth backup");
        ByteBuffer b = ByteBuffer.wrap(header, MAGIC.length, 24);
        int iterations = b.getInt();
        int chunk = b.getInt();
        if (iterations < 1 || iterations > 100_000_000 || chunk < 1 || chunk > 64 << 20) {
            throw new DecryptionFailed(
                    "the header is damaged (iterations " + iterations + ", chunk size " + chunk + ")");
        }
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length + 8, HEADER_LENGTH);
        return new Opener(in, key(passphrase, salt, iterations), header, chunk);
    }

    private static SecretKeySpec key(String passphrase, byte[] salt, int iterations) throws IOException {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            spec.clearPassword();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("PBKDF2-HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    private static byte[] nonce(long index, boolean last) {
        return ByteBuffer.allocate(12)
                .putLong(index)
                .put(new byte[3])
                .put((byte) (last ? 1 : 0))
                .array();
    }

    private static Cipher cipher(int mode, SecretKeySpec key, long index, boolean last, byte[] header)
            throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce(index, last)));
            c.updateAAD(header);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** Holds back one full chunk until it knows whether more follows, so the last one is flagged as such. */
    private static final class Sealer extends FilterOutputStream {
        private final SecretKeySpec key;
        private final byte[] header;
        private final byte[] buffer;
        private int filled;
        private long index;
        private boolean closed;

        Sealer(OutputStream out, SecretKeySpec key, byte[] header, int chunk) {
            super(out);
            this.key = key;
            this.header = header;
            this.buffer = new byte[chunk];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) seal(false);
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(
                        cipher(Cipher.ENCRYPT_MODE, key, index++, last, header).doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("encryption failed: " + e.getMessage(), e);
            }
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            seal(true);
            out.close();
        }
    }

    private static final class Opener extends InputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private final byte[] header;
        private final int chunk;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean done;
        private int peeked = -1;

        Opener(InputStream in, SecretKeySpec key, byte[] header, int chunk) {
            this.in = in;
            this.key = key;
            this.header = header;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (position == plain.length) {
                if (done) return -1;
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            ByteArrayOutputStream sealed = new ByteArrayOutputStream(chunk + TAG);
            if (peeked >= 0) sealed.write(peeked);
            sealed.write(in.readNBytes(chunk + TAG - sealed.size()));
            boolean last;
            if (sealed.size() < chunk + TAG) {
                last = true;
            } else {
                peeked = in.read();
                last = peeked < 0;
            }
            if (sealed.size() < TAG) {
                throw new DecryptionFailed(
                        sealed.size() == 0 && index > 0
                                ? "the file ends before its last chunk: it was cut short"
                                : "the file is damaged: chunk " + index + " is shorter than its tag");
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, index, last, header).doFinal(sealed.toByteArray());
            } catch (GeneralSecurityException e) {
                throw new DecryptionFailed(
                        index == 0
                                ? "cannot decrypt: wrong passphrase, or the file is damaged"
                                : "cannot decrypt chunk " + index + ": the file is damaged or was cut short");
            }
            position = 0;
            index++;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
