package dev.hearth.platform.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Room in the data dir. A small reserve file is kept there while space allows; when the file system fills
 * up, it is given back, so Hearth can still record the alert that says so (and queue its notification)
 * while every other write gets a clear 503. Once space is back the reserve is taken again.
 */
public final class DataDirSpace {
    private static final Logger LOG = Logger.getLogger(DataDirSpace.class);
    public static final String RESERVE_FILE = "space-reserve";
    static final int RESERVE_BYTES = 2 * 1024 * 1024;

    private final Path dataDir;
    private final AtomicBoolean writeFailed = new AtomicBoolean();

    DataDirSpace(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public long usableBytes() {
        return DiskFull.usable(dataDir);
    }

    /** Full: a write failed for want of space since the last recovery, or almost nothing is left. */
    public boolean isFull() {
        return writeFailed.get() || usableBytes() < DiskFull.LOW_WATER;
    }

    /** Room enough to take the reserve again and still write: the end of "full". */
    public boolean hasRoomAgain() {
        return usableBytes() >= 2L * RESERVE_BYTES + DiskFull.LOW_WATER;
    }

    void writeFailedForSpace() {
        if (writeFailed.compareAndSet(false, true)) LOG.warnf("The data directory's file system is full: %s", dataDir);
    }

    /** Gives the reserve back to the file system; true when there was one. */
    public boolean release() {
        try {
            boolean released = Files.deleteIfExists(dataDir.resolve(RESERVE_FILE));
            if (released)
                LOG.warnf(
                        "Released the %d MB space reserve in %s to record that it is full",
                        RESERVE_BYTES >> 20, dataDir);
            return released;
        } catch (IOException e) {
            return false;
        }
    }

    /** There is room (again): writes are expected to succeed, and the reserve is taken (the first time, or again). */
    public void recovered() {
        writeFailed.set(false);
        keepReserve();
    }

    /** Creates the reserve unless it exists or space is short; random bytes, so a compressing file system cannot shrink it. */
    private void keepReserve() {
        Path reserve = dataDir.resolve(RESERVE_FILE);
        if (Files.exists(reserve) || usableBytes() < 2L * RESERVE_BYTES) return;
        byte[] bytes = new byte[64 * 1024];
        try (FileChannel out = FileChannel.open(reserve, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int written = 0; written < RESERVE_BYTES; written += bytes.length) {
                ThreadLocalRandom.current().nextBytes(bytes);
                out.write(ByteBuffer.wrap(bytes));
            }
            out.force(true);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(reserve);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
