package dev.hearth.hub.detect;

import java.util.List;

/**
 * The 19 paths probed when neither a label nor a known name says where a service's API is: the seed's generic ones
 * first ({@code /api}, {@code /api/v1..v3}, status, health, version, ping), then the ones common services answer
 * without credentials. The first that answers like an API wins, in this order.
 */
public final class ProbePaths {
    public static final List<String> COMMON = List.of(
            "/api/status",
            "/api/system/status",
            "/api/health",
            "/api/version",
            "/api/ping",
            "/api/v1/status",
            "/api/v1/system/status",
            "/api/v3/system/status",
            "/api/v2/app/version",
            "/api/v1",
            "/api/v2",
            "/api/v3",
            "/api",
            "/api/info",
            "/health",
            "/healthz",
            "/status",
            "/version",
            "/ping");

    private ProbePaths() {}
}
