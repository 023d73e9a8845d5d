package dev.hearth.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a process wrote to one stream: the first {@code limit} bytes are kept, the rest is read and counted
 * but dropped, so a program printing 50 MB neither fills Hearth's memory nor blocks on a full pipe. The last
 * bytes are kept apart too, for the Python worker's end-of-call marker.
 */
final class OutputCapture {
    private static final int TAIL = 128;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private long total;

    OutputCapture(long limit) {
        this.limit = (int) Math.min(Integer.MAX_VALUE - 8, limit);
    }

    synchronized void write(byte[] b, int off, int len) {
        int room = limit - kept.size();
        if (room > 0) kept.write(b, off, Math.min(room, len));
        total += len;
        if (len >= TAIL) {
            System.arraycopy(b, off + len - TAIL, tail, 0, TAIL);
            tailLength = TAIL;
        } else {
            int keep = Math.min(tailLength, TAIL - len);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            System.arraycopy(b, off, tail, keep, len);
            tailLength = keep + len;
        }
        notifyAll();
    }

    /** Reads {@code in} to its end (or until it fails because the process is gone). */
    void drain(InputStream in) {
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) write(buffer, 0, n);
        } catch (IOException closed) {
            // the process died or its stream was closed on purpose: what was read is kept
        }
    }

    synchronized boolean truncated() {
        return total > kept.size();
    }

    synchronized long total() {
        return total;
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the stream so far ends with {@code marker}; false when {@code millis} pass first. */
    synchronized boolean awaitEnding(byte[] marker, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!endsWith(marker)) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    private boolean endsWith(byte[] marker) {
        return tailLength >= marker.length
                && Arrays.equals(tail, tailLength - marker.length, tailLength, marker, 0, marker.length);
    }

    /** The kept text without a trailing {@code marker}, if it was kept. */
    synchronized String textWithout(byte[] marker) {
        byte[] bytes = kept.toByteArray();
        int length = bytes.length;
        if (length >= marker.length && Arrays.equals(bytes, length - marker.length, length, marker, 0, marker.length)) {
            length -= marker.length;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
