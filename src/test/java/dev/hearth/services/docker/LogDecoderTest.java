package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogDecoderTest {

    private static List<LogLine> decode(byte[] body, boolean multiplexed, boolean timestamps) throws Exception {
        List<LogLine> lines = new ArrayList<>();
        new LogDecoder(timestamps, lines::add).decode(new ByteArrayInputStream(body), multiplexed);
        return lines;
    }

    private static void frame(ByteArrayOutputStream out, int stream, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {(byte) stream, 0, 0, 0, 0, 0, (byte) (bytes.length >> 8), (byte) bytes.length});
        out.writeBytes(bytes);
    }

    @Test
    void theBytesSeenFromDockerdAreSplitIntoStreams() throws Exception {
        // Captured from dockerd 20.10: 02 00 00 00 00 00 00 04 "err\n" 01 00 00 00 00 00 00 06 "hello\n"
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        frame(body, 2, "err\n");
        frame(body, 1, "hello\n");

        assertEquals(
                List.of(
                        new LogLine(LogLine.Stream.STDERR, null, "err"),
                        new LogLine(LogLine.Stream.STDOUT, null, "hello")),
                decode(body.toByteArray(), true, false));
    }

    @Test
    void aLineSplitAcrossFramesIsJoinedAndMultibyteTextSurvives() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] word = "héllo wörld\n".getBytes(StandardCharsets.UTF_8);
        // Cut inside the two-byte "é" on purpose.
        body.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 2});
        body.write(word, 0, 2);
        body.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) (word.length - 2)});
        body.write(word, 2, word.length - 2);
        frame(body, 1, "no newline at the end");

        assertEquals(
                List.of("héllo wörld", "no newline at the end"),
                decode(body.toByteArray(), true, false).stream()
                        .map(LogLine::text)
                        .toList());
    }

    @Test
    void timestampsAreParsedOffTheFrontOfEachLine() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        frame(body, 1, "2026-11-23T10:47:01.133725962Z hello world\n");

        LogLine line = decode(body.toByteArray(), true, true).get(0);

        assertEquals(Instant.parse("2026-11-23T10:47:01.133725962Z"), line.timestamp());
        assertEquals("hello world", line.text());
    }

    @Test
    void ttyOutputIsOneRawStreamWithCrlfLines() throws Exception {
        byte[] raw = "one\r\ntwo\r\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals(
                List.of(
                        new LogLine(LogLine.Stream.STDOUT, null, "one"),
                        new LogLine(LogLine.Stream.STDOUT, null, "two")),
                decode(raw, false, false));
    }
}
