package dev.hearth.monitoring.collectors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jspecify.annotations.Nullable;

/** Network latency as the time of one TCP connect to {@code host:port}; null when it fails within a second. */
public final class LatencyProbe {
    private LatencyProbe() {}

    public static @Nullable Double connectMillis(String target) {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(target.substring(colon + 1));
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
