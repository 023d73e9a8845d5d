package dev.hearth.services.docker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The smallest HTTP/1.1 that the Docker engine needs: one request per connection, and response bodies
 * framed by Content-Length, by chunked transfer-encoding, or by the end of the connection
 * (exec and attach streams have neither length nor chunks).
 */
final class HttpCodec {

    private static final int MAX_LINE = 64 * 1024;
    /** Real engines send about ten header lines; a head without end is not an engine. */
    private static final int MAX_HEADER_LINES = 200;

    private HttpCodec() {}

    /** Status line and headers of a response; header names are lower-cased. */
    record Head(int status, String reason, Map<String, String> headers) {
        @Nullable
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static void writeRequest(
            OutputStream out, String method, String target, @Nullable String contentType, long contentLength)
            throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                // The engine accepts any Host; "docker" is what the official CLI sends over a socket.
                .append("Host: docker\r\n")
                .append("User-Agent: Hearth\r\n")
                .append("Connection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        // "HTTP/1.1 200 OK" — the reason phrase may be empty or contain spaces.
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: " + abbreviate(statusLine), e);
        }
        Map<String, String> headers = new TreeMap<>();
        int count = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (++count > MAX_HEADER_LINES) {
                throw new IOException("more than " + MAX_HEADER_LINES + " header lines in one response");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        return new Head(status, parts.length > 2 ? parts[2] : "", headers);
    }

    /** The response body as a stream that ends where the message ends, whatever the framing. */
    static InputStream body(Head head, String method, InputStream in) {
        int status = head.status();
        if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return InputStream.nullInputStream();
        }
        String te = head.header("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in);
        }
        String length = head.header("content-length");
        if (length != null) {
            return new BoundedInputStream(in, Long.parseLong(length.trim()));
        }
        return in; // until EOF
    }

    /** Reads a CRLF (or bare LF) terminated line as ISO-8859-1, without the terminator. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of an HTTP line");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
