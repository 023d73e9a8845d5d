package dev.hearth.hub.proxy;

import java.time.Duration;

/**
 * How far a proxied call may go: connect and whole-answer timeouts, the largest answer passed on, redirects followed
 * (on the base only), and Hearth's own port (0: none), which no service's base may be on this machine.
 */
public record ProxyLimits(
        Duration connectTimeout, Duration timeout, long maxResponseBytes, int maxRedirects, int ownPort) {
    /** 2 s to connect, 15 s for the answer, 8 MB, 3 redirects: an API explorer's call, not a file transfer. */
    public static ProxyLimits defaults() {
        return new ProxyLimits(Duration.ofSeconds(2), Duration.ofSeconds(15), 8L * 1024 * 1024, 3, 0);
    }

    public ProxyLimits withTimeout(Duration t) {
        return new ProxyLimits(connectTimeout, t, maxResponseBytes, maxRedirects, ownPort);
    }

    public ProxyLimits withMaxResponseBytes(long max) {
        return new ProxyLimits(connectTimeout, timeout, max, maxRedirects, ownPort);
    }

    public ProxyLimits withOwnPort(int port) {
        return new ProxyLimits(connectTimeout, timeout, maxResponseBytes, maxRedirects, port);
    }
}
