package dev.hearth.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/** Serves one file over HTTP on loopback, for direct-link downloads. */
public final class FileServer implements AutoCloseable {

    private final HttpServer server;

    public FileServer(String name, byte[] content) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/" + name, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!head) {
                    out.write(content);
                }
            }
        });
        server.start();
    }

    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
