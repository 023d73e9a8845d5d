package dev.hearth.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks every value once, at start, and lists every violation with its key (Dropwizard's habit). */
final class ConfigValidator {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final Set<String> ROLES = Set.of("viewer", "operator", "admin");
    static final int MIN_ADMIN_KEY = 32;

    private ConfigValidator() {}

    static List<String> validate(HearthConfig c) {
        List<String> p = new ArrayList<>();
        check(p, c.dataDir() != null && !c.dataDir().toString().isBlank(), "data_dir", "must name a directory");
        HearthConfig.Server s = c.server();
        check(
                p,
                s.port() >= 1 && s.port() <= 65535,
                "server.port",
                "must be between 1 and 65535 (got " + s.port() + ")");
        check(p, s.host() != null && !s.host().isBlank(), "server.host", "must not be empty");
        check(
                p,
                s.maxBodySize() != null && s.maxBodySize().bytes() >= 1024,
                "server.max_body_size",
                "must be at least 1KB");
        check(
                p,
                s.maxJsonBodySize() != null && s.maxJsonBodySize().bytes() >= 1024,
                "server.max_json_body_size",
                "must be at least 1KB");

        HearthConfig.Storage st = c.storage();
        check(
                p,
                Set.of("sqlite", "postgresql").contains(st.kind()),
                "storage.kind",
                "must be sqlite or postgresql (got '" + st.kind() + "')");
        if (st.isPostgresql()) {
            check(
                    p,
                    st.url() != null && st.url().startsWith("jdbc:postgresql://"),
                    "storage.url",
                    "must be a jdbc:postgresql://host:port/database URL when storage.kind is postgresql");
        }
        check(p, st.poolSize() >= 1 && st.poolSize() <= 64, "storage.pool_size", "must be between 1 and 64");

        HearthConfig.Security sec = c.security();
        // The value itself is never shown: a line in a start-up log must not leak even a wrong key.
        check(
                p,
                sec.adminApiKey().isEmpty() || sec.adminApiKey().length() >= MIN_ADMIN_KEY,
                "security.admin_api_key",
                "must be at least " + MIN_ADMIN_KEY
                        + " characters (HEARTH_ADMIN_API_KEY); make one with: openssl rand -base64 32");
        positive(p, sec.sessionTtl(), "security.session_ttl");
        check(
                p,
                sec.auditRetention() != null && sec.auditRetention().toHours() >= 24,
                "security.audit_retention",
                "must be at least 1d");
        for (int i = 0; i < sec.trustedProxies().size(); i++) {
            String proxy = sec.trustedProxies().get(i);
            check(
                    p,
                    AddressRange.isValid(proxy),
                    "security.trusted_proxies[" + i + "]",
                    "'" + proxy + "' is not an IP address or CIDR range");
        }
        HearthConfig.ForwardAuth fa = sec.forwardAuth();
        check(
                p,
                ROLES.contains(fa.defaultRole()),
                "security.forward_auth.default_role",
                "must be viewer, operator or admin");
        check(
                p,
                !fa.enabled() || !sec.trustedProxies().isEmpty(),
                "security.forward_auth.enabled",
                "needs security.trusted_proxies: forward-auth headers are only trusted from known proxies");
        HearthConfig.SecretHeader secret = fa.secretHeader();
        check(
                p,
                secret.name().matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}"),
                "security.forward_auth.secret_header.name",
                "must be a header name (letters, digits and -)");
        check(
                p,
                !secret.name().equalsIgnoreCase(fa.userHeader())
                        && !secret.name().equalsIgnoreCase(fa.groupsHeader()),
                "security.forward_auth.secret_header.name",
                "must differ from the user and groups headers");
        check(
                p,
                secret.value().isEmpty() || secret.value().length() >= 16,
                "security.forward_auth.secret_header.value",
                "must be at least 16 characters (or empty: no secret required)");
        check(p, sec.login().maxFailures() >= 1, "security.login.max_failures", "must be at least 1");
        positive(p, sec.login().window(), "security.login.window");
        positive(p, sec.login().lockout(), "security.login.lockout");
        check(
                p,
                sec.login().addressMaxFailures() >= sec.login().maxFailures(),
                "security.login.address_max_failures",
                "must be at least security.login.max_failures (" + sec.login().maxFailures() + ")");

        check(p, c.rateLimits().defaultPerMinute() >= 1, "rate_limits.default_per_minute", "must be at least 1");
        for (Map.Entry<String, HearthConfig.RateLimitGroup> g :
                c.rateLimits().groups().entrySet()) {
            String key = "rate_limits.groups." + g.getKey();
            check(
                    p,
                    g.getValue().pathPrefix() != null
                            && g.getValue().pathPrefix().startsWith("/"),
                    key + ".path_prefix",
                    "must start with /");
            check(p, g.getValue().perMinute() >= 1, key + ".per_minute", "must be at least 1");
        }
        check(
                p,
                LEVELS.contains(c.logs().level()),
                "logs.level",
                "must be one of " + String.join(", ", LEVELS.stream().sorted().toList()));
        check(
                p,
                c.logs().bufferSize() >= 100 && c.logs().bufferSize() <= 100_000,
                "logs.buffer_size",
                "must be between 100 and 100000");
        check(
                p,
                c.logs().bufferBytes() != null
                        && c.logs().bufferBytes().bytes() >= 64 * 1024
                        && c.logs().bufferBytes().bytes() <= 256L << 20,
                "logs.buffer_bytes",
                "must be between 64KB and 256MB");

        return p;
    }

    static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void positive(List<String> p, Duration d, String key) {
        check(p, d != null && !d.isNegative() && !d.isZero(), key, "must be a positive duration like 30s or 15m");
    }

    static void check(List<String> problems, boolean ok, String key, String problem) {
        if (!ok) problems.add(key + ": " + problem);
    }
}
