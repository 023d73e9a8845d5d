package dev.hearth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream on loopback that answers every request with a body that never ends — chunked, announced as
 * 1 GB, or sent until the connection closes — as fast as the reader takes it, and stops only when the
 * reader hangs up. {@code /_ping} answers as a Docker engine does (API 1.41), so a Docker client gets as far
 * as its first real call. {@link #bytesSent()} tells how much a reader took before it hung up.
 */
public final class EndlessServer implements AutoCloseable {
    public enum Framing {
        CHUNKED,
        ANNOUNCED_1GB,
        UNTIL_CLOSE
    }

    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        Arrays.fill(FILLER, (byte) '['); // the start of JSON that never closes
    }

    private final ServerSocket server;
    private final Framing framing;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    public EndlessServer(Framing framing) {
        this.framing = framing;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("endless-accept").start(this::acceptLoop);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The same server as a Docker endpoint. */
    public URI dockerHost() {
        return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
    }

    /** Body bytes written so far, over all connections. */
    public long bytesSent() {
        return sent.get();
    }

    /** Connections still being written to. */
    public int openConnections() {
        return open.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("endless-conn").start(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        open.incrementAndGet();
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) return;
            long contentLength = 0;
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                if (h.toLowerCase().startsWith("content-length:"))
                    contentLength = Long.parseLong(h.substring(15).trim());
            }
            for (long i = 0; i < contentLength; i++) in.read();
            OutputStream out = socket.getOutputStream();
            if (requestLine.startsWith("GET /_ping ") || requestLine.startsWith("HEAD /_ping ")) {
                out.write(
                        "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String head = switch (framing) {
                case CHUNKED -> "Transfer-Encoding: chunked\r\n";
                case ANNOUNCED_1GB -> "Content-Length: " + (1L << 30) + "\r\n";
                case UNTIL_CLOSE -> "Connection: close\r\n";
            };
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + head + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunkHead = (Integer.toHexString(FILLER.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long written = 0;
                    !closed && (framing != Framing.ANNOUNCED_1GB || written < (1L << 30));
                    written += FILLER.length) {
                if (framing == Framing.CHUNKED) out.write(chunkHead);
                out.write(FILLER);
                if (framing == Framing.CHUNKED) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent.addAndGet(FILLER.length);
            }
        } catch (IOException readerHungUp) {
            // the reader closed the connection: that is the point
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
