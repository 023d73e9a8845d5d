package dev.hearth.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks every value once, at start, and lists every violation with its key (Dropwizard's habit). */
final class ConfigValidator {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final Set<String> ROLES = Set.of("viewer", "operator", "admin");

    private ConfigValidator() {}

    static List<String> validate(HearthConfig c) {
        List<String> p = new ArrayList<>();
        check(p, c.dataDir() != null && !c.dataDir().toString().isBlank(), "data_dir", "must name a directory");
        HearthConfig.Server s = c.server();
        check(p, s.port() >= 1 && s.port() <= 65535, "server.port", "must be between 1 and 65535 (got " + s.port() + ")");
        check(p, s.host() != null && !s.host().isBlank(), "server.host", "must not be empty");
        check(p, s.maxBodySize() != null && s.maxBodySize().bytes() >= 1024, "server.max_body_size", "must be at least 1KB");

        HearthConfig.Storage st = c.storage();
        check(p, Set.of("sqlite", "postgresql").contains(st.kind()), "storage.kind", "must be sqlite or postgresql (got '" + st.kind() + "')");
        if (st.isPostgresql()) {
            check(p, st.url() != null && st.url().startsWith("jdbc:postgresql://"), "storage.url",
                    "must be a jdbc:postgresql://host:port/database URL when storage.kind is postgresql");
        }
        check(p, st.poolSize() >= 1 && st.poolSize() <= 64, "storage.pool_size", "must be between 1 and 64");

        HearthConfig.Security sec = c.security();
        positive(p, sec.sessionTtl(), "security.session_ttl");
        for (int i = 0; i < sec.trustedProxies().size(); i++) {
            String proxy = sec.trustedProxies().get(i);
            check(p, AddressRange.isValid(proxy), "security.trusted_proxies[" + i + "]", "'" + proxy + "' is not an IP address or CIDR range");
        }
        HearthConfig.ForwardAuth fa = sec.forwardAuth();
        check(p, ROLES.contains(fa.defaultRole()), "security.forward_auth.default_role", "must be viewer, operator or admin");
        check(p, !fa.enabled() || !sec.trustedProxies().isEmpty(), "security.forward_auth.enabled",
                "needs security.trusted_proxies: forward-auth headers are only trusted from known proxies");
        check(p, sec.login().maxFailures() >= 1, "security.login.max_failures", "must be at least 1");
        positive(p, sec.login().window(), "security.login.window");
        positive(p, sec.login().lockout(), "security.login.lockout");

        check(p, c.rateLimits().defaultPerMinute() >= 1, "rate_limits.default_per_minute", "must be at least 1");
        for (Map.Entry<String, HearthConfig.RateLimitGroup> g : c.rateLimits().groups().entrySet()) {
            String key = "rate_limits.groups." + g.getKey();
            check(p, g.getValue().pathPrefix() != null && g.getValue().pathPrefix().startsWith("/"), key + ".path_prefix", "must start with /");
            check(p, g.getValue().perMinute() >= 1, key + ".per_minute", "must be at least 1");
        }
        check(p, LEVELS.contains(c.logs().level()), "logs.level", "must be one of " + String.join(", ", LEVELS.stream().sorted().toList()));
        check(p, c.logs().bufferSize() >= 100 && c.logs().bufferSize() <= 100_000, "logs.buffer_size", "must be between 100 and 100000");

        validateDownloads(p, c.downloads());
        validateMonitoring(p, c.monitoring());
        NotificationsValidator.validate(c.notifications(), p);
        AssistantValidator.validate(c.assistant(), c.mcp(), p);
        BackupsValidator.validate(c.backups(), p);
        DnsValidator.validate(c.dns(), p);
        MinecraftValidator.validate(c.minecraft(), p);

        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.services().size(); i++) {
            HearthConfig.ServiceEntry svc = c.services().get(i);
            String key = "services[" + i + "]";
            if (svc.name() == null || !svc.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                p.add(key + ".name: must be lower-case letters, digits, - or _ (got '" + svc.name() + "')");
                continue;
            }
            check(p, names.add(svc.name()), key + ".name", "'" + svc.name() + "' is used twice");
            if (!svc.url().isEmpty()) {
                check(p, isHttpUrl(svc.url()), key + ".url", "'" + svc.url() + "' is not an http:// or https:// URL");
            }
            positive(p, svc.checkInterval(), key + ".check_interval");
            positive(p, svc.timeout(), key + ".timeout");
            ServiceRuntimeRules.check(p, svc.runtime(), key + ".runtime", c.docker());
        }
        ServiceRuntimeRules.checkDocker(p, c.docker());
        return p;
    }

    private static final Set<String> COMPLETION_MODES = Set.of("move", "link", "none");

    private static void validateDownloads(List<String> p, HearthConfig.Downloads d) {
        positive(p, d.pollInterval(), "downloads.poll_interval");
        check(p, d.completion() != null && COMPLETION_MODES.contains(d.completion().mode()), "downloads.completion.mode",
                "must be move, link or none");
        check(p, d.webhookSecret().isEmpty() || d.webhookSecret().length() >= 16, "downloads.webhook_secret",
                "must be at least 16 characters (or empty to use the generated one)");
        for (Map.Entry<String, HearthConfig.Category> e : d.categories().entrySet()) {
            String key = "downloads.categories." + e.getKey();
            check(p, e.getKey().matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}"), key, "category names are letters, digits, space, _ . or -");
            String save = e.getValue().savePath();
            String library = e.getValue().libraryPath();
            check(p, save.isEmpty() || java.nio.file.Path.of(save).isAbsolute(), key + ".save_path", "must be an absolute path (got '" + save + "')");
            check(p, library.isEmpty() || java.nio.file.Path.of(library).isAbsolute(), key + ".library_path",
                    "must be an absolute path (got '" + library + "')");
        }
    }

    private static void validateMonitoring(List<String> p, HearthConfig.Monitoring m) {
        check(p, m.interval() != null && m.interval().toMillis() >= 1000 && m.interval().toMinutes() <= 5, "monitoring.interval",
                "must be between 1s and 5m");
        positive(p, m.history().raw(), "monitoring.history.raw");
        positive(p, m.history().minute(), "monitoring.history.minute");
        positive(p, m.history().hour(), "monitoring.history.hour");
        HearthConfig.Thresholds t = m.thresholds();
        threshold(p, t.cpu(), "cpu", 100);
        threshold(p, t.memory(), "memory", 100);
        threshold(p, t.disk(), "disk", 100);
        threshold(p, t.swap(), "swap", 100);
        threshold(p, t.temperature(), "temperature", 150);
        threshold(p, t.latency(), "latency", 60_000);
        HearthConfig.AlertRules a = m.alerts();
        check(p, a.forDuration() != null && !a.forDuration().isNegative(), "monitoring.alerts.for_duration", "must be 0s or more");
        check(p, a.hysteresis() >= 0 && a.hysteresis() <= 50, "monitoring.alerts.hysteresis", "must be between 0 and 50");
        check(p, a.serviceDownFor() != null && !a.serviceDownFor().isNegative(), "monitoring.alerts.service_down_for", "must be 0s or more");
        positive(p, a.diskFullWithin(), "monitoring.alerts.disk_full_within");
        positive(p, a.downloadCheckInterval(), "monitoring.alerts.download_check_interval");
        positive(p, a.retention(), "monitoring.alerts.retention");
        check(p, Set.of("info", "warning", "error", "critical").contains(m.notifications().minLevel()), "monitoring.notifications.min_level",
                "must be info, warning, error or critical");
        check(p, m.latencyTarget().isEmpty() || m.latencyTarget().matches("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}"), "monitoring.latency_target",
                "must be host:port (a TCP connect is timed), or empty");
        check(p, m.live().sendQueue() >= 1 && m.live().sendQueue() <= 10_000, "monitoring.live.send_queue", "must be between 1 and 10000");
        positive(p, m.live().ticketTtl(), "monitoring.live.ticket_ttl");
    }

    private static void threshold(List<String> p, HearthConfig.Threshold t, String name, double max) {
        String key = "monitoring.thresholds." + name;
        check(p, t.warning() >= 0 && t.critical() <= max, key, "warning and critical must be between 0 and " + (long) max);
        check(p, t.warning() <= t.critical(), key + ".warning", "must not be above critical (" + t.critical() + ")");
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
