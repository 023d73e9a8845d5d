package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpCodecTest {

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(String response, String method) throws Exception {
        InputStream in = bytes(response);
        HttpCodec.Head head = HttpCodec.readHead(in);
        return new String(HttpCodec.body(head, method, in).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aChunkedBodyIsReassembledAndEndsAtTheLastChunk() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nApi-Version: 1.41\r\n\r\n"
                + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\nNOT BODY";

        assertEquals("hello, world", body(response, "GET"));
    }

    @Test
    void aContentLengthBodyStopsAtItsLength() throws Exception {
        assertEquals("OK", body("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOKextra", "GET"));
    }

    @Test
    void aBodyWithoutLengthOrChunksRunsToTheEndOfTheConnection() throws Exception {
        // How dockerd sends exec and attach streams.
        assertEquals(
                "raw\u0001stream",
                body(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"
                                + "raw\u0001stream",
                        "POST"));
    }

    @Test
    void notModifiedHasNoBodyWhateverFollows() throws Exception {
        assertEquals("", body("HTTP/1.1 304 Not Modified\r\n\r\nleftover", "POST"));
    }

    @Test
    void headersAreCaseInsensitiveAndTheReasonMayHaveSpaces() throws Exception {
        HttpCodec.Head head = HttpCodec.readHead(bytes("HTTP/1.1 404 Not Found\r\nAPI-VERSION: 1.41\r\n\r\n"));

        assertEquals(404, head.status());
        assertEquals("Not Found", head.reason());
        assertEquals("1.41", head.header("Api-Version"));
    }

    @Test
    void aConnectionThatEndsEarlyIsAnErrorNotATruncatedBody() throws Exception {
        InputStream in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
        HttpCodec.Head head = HttpCodec.readHead(in);

        assertThrows(EOFException.class, () -> HttpCodec.body(head, "GET", in).readAllBytes());
        assertArrayEquals(
                new byte[0],
                HttpCodec.body(HttpCodec.readHead(bytes("HTTP/1.1 204 No Content\r\n\r\n")), "DELETE", bytes(""))
                        .readAllBytes());
    }
}
