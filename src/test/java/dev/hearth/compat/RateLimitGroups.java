package dev.hearth.compat;

/** {@code rate_limits.groups} given whole (a new group cannot be added key by key): the test defaults, and one door's own. */
final class RateLimitGroups {
    private RateLimitGroups() {}

    static String withDoor(String name, String prefix, int perMinute) {
        return """
                {"auth": {"path_prefix": "/api/v1/auth", "per_minute": 100000},
                 "remote_admin": {"path_prefix": "/api/v1/admin", "per_minute": 100000},
                 "%s": {"path_prefix": "%s", "per_minute": %d}}""".formatted(name, prefix, perMinute);
    }
}
