package dev.hearth.services.docker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * One connection to the engine, used for exactly one request: we always send {@code Connection: close},
 * so there is no pool to keep healthy and "body until EOF" responses need no special case.
 * {@link #close()} may be called from another thread; that is how deadlines and subscriptions
 * interrupt a blocked read (blocking channels and sockets both fail the read when closed).
 */
final class Connection implements Closeable {

    private final Closeable resource;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Connection(Closeable resource, InputStream in, OutputStream out) {
        this.resource = resource;
        this.in = new BufferedInputStream(in, 16 * 1024);
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    /** Opens {@code unix:///path} or {@code tcp://host:port} (TLS when {@code tls} is given). */
    static Connection open(URI host, Duration connectTimeout, @Nullable SSLContext tls) throws IOException {
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(java.util.Locale.ROOT);
        return switch (scheme) {
            case "unix" -> unix(Path.of(host.getPath()));
            case "tcp", "http", "https" -> tcp(host, connectTimeout, tls);
            default -> throw new IllegalArgumentException("unsupported Docker host scheme: " + host);
        };
    }

    private static Connection unix(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            // A unix connect either succeeds or fails at once (missing file, refused): no timeout needed.
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Connection tcp(URI host, Duration connectTimeout, @Nullable SSLContext tls) throws IOException {
        int port = host.getPort() > 0 ? host.getPort() : (tls != null ? 2376 : 2375);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host.getHost(), port), (int) Math.max(1, connectTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true); // long event/log streams: notice a vanished peer eventually
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host.getHost(), port, true);
                // The handshake happens before the caller's deadline watchdog knows this connection.
                ssl.setSoTimeout((int) Math.max(1, connectTimeout.toMillis()));
                // Check the engine's certificate names this host, as the docker CLI does.
                javax.net.ssl.SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                ssl.setSoTimeout(0);
                return new Connection(ssl, ssl.getInputStream(), ssl.getOutputStream());
            }
            return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                resource.close();
            } catch (IOException ignored) {
                // Nothing useful to do: the connection is being abandoned either way.
            }
        }
    }
}
