package dev.hearth.services.docker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a logs body into lines. Without a TTY, Docker multiplexes stdout and stderr into frames of
 * an 8-byte header {@code [stream, 0, 0, 0, size as big-endian uint32]} and a payload; with a TTY
 * the body is the raw terminal output. A frame need not hold whole lines (long lines are split),
 * so partial lines are kept per stream until their newline arrives.
 */
final class LogDecoder {
    /** A line longer than this (a process writing without newlines) is passed on in pieces of this size. */
    static final int MAX_LINE = 64 * 1024;

    private final boolean timestamps;
    private final Consumer<LogLine> sink;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    LogDecoder(boolean timestamps, Consumer<LogLine> sink) {
        this.timestamps = timestamps;
        this.sink = sink;
    }

    /** Reads {@code in} to its end, emitting each complete line; a last unterminated line is emitted too. */
    void decode(InputStream in, boolean multiplexed) throws IOException {
        if (multiplexed) {
            decodeFrames(in);
        } else {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) >= 0; ) {
                append(LogLine.Stream.STDOUT, buf, 0, n);
            }
        }
        flush(LogLine.Stream.STDOUT);
        flush(LogLine.Stream.STDERR);
    }

    private void decodeFrames(InputStream in) throws IOException {
        while (true) {
            byte[] header = in.readNBytes(8);
            if (header.length == 0) {
                return;
            }
            if (header.length < 8) {
                throw new EOFException("log stream ended inside a frame header");
            }
            // 0 = stdin (only on attach), 1 = stdout, 2 = stderr, 3 = the engine's own error for this stream.
            LogLine.Stream stream = header[0] == 2 || header[0] == 3 ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
            long size = ((header[4] & 0xffL) << 24)
                    | ((header[5] & 0xff) << 16)
                    | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            // Read in pieces: the header may announce up to 4 GB, and memory must not follow it.
            byte[] piece = new byte[(int) Math.min(size, 64 * 1024)];
            for (long left = size; left > 0; ) {
                int n = in.read(piece, 0, (int) Math.min(left, piece.length));
                if (n < 0) {
                    throw new EOFException("log stream ended inside a frame");
                }
                append(stream, piece, 0, n);
                left -= n;
            }
        }
    }

    private void append(LogLine.Stream stream, byte[] bytes, int off, int len) {
        ByteArrayOutputStream partial = stream == LogLine.Stream.STDERR ? stderr : stdout;
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                emit(stream, partial);
                start = i + 1;
            }
        }
        partial.write(bytes, start, off + len - start);
        if (partial.size() >= MAX_LINE) {
            emit(stream, partial);
        }
    }

    private void flush(LogLine.Stream stream) {
        ByteArrayOutputStream partial = stream == LogLine.Stream.STDERR ? stderr : stdout;
        if (partial.size() > 0) {
            emit(stream, partial);
        }
    }

    private void emit(LogLine.Stream stream, ByteArrayOutputStream partial) {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1); // a TTY writes CRLF
        }
        Instant timestamp = null;
        if (timestamps) {
            int space = line.indexOf(' ');
            String prefix = space > 0 ? line.substring(0, space) : line;
            timestamp = parseTimestamp(prefix);
            if (timestamp != null) {
                line = space > 0 ? line.substring(space + 1) : "";
            }
        }
        sink.accept(new LogLine(stream, timestamp, line));
    }

    /** Docker writes RFC 3339 with nanoseconds, normally in UTC. */
    static @Nullable Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
