package dev.hearth.platform.config;

import static dev.hearth.platform.config.ConfigValidator.check;
import static dev.hearth.platform.config.ConfigValidator.isHttpUrl;
import static dev.hearth.platform.config.ConfigValidator.positive;

import java.util.List;

/** The {@code dns} section's rules, kept together so the section can move to its feature as one. */
final class DnsValidator {
    private DnsValidator() {}

    static void validate(HearthConfig.Dns d, List<String> p) {
        if (d.provider().isEmpty()) return;
        if (!d.provider().equals("cloudflare")) {
            p.add("dns.provider: must be cloudflare (or empty for none), got '" + d.provider() + "'");
            return;
        }
        HearthConfig.DnsCloudflare c = d.cloudflare();
        check(p, !c.apiToken().isBlank(), "dns.cloudflare.api_token",
                "must be set (an API token with Zone:DNS:Edit and Account:Cloudflare Tunnel:Edit; use ${CLOUDFLARE_API_TOKEN})");
        check(p, c.zone().matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"), "dns.cloudflare.zone", "must be the zone's domain name, e.g. example.org");
        check(p, c.tunnelId().isEmpty() || c.tunnelId().matches("[0-9a-fA-F-]{32,36}"), "dns.cloudflare.tunnel_id",
                "must be the tunnel's UUID (cloudflared tunnel list), or empty");
        check(p, c.accountId().isEmpty() || c.accountId().matches("[0-9a-fA-F]{32}"), "dns.cloudflare.account_id",
                "must be the 32-hex account id (or empty: then tunnel status and ingress rules are not available)");
        check(p, isHttpUrl(c.apiBaseUrl()), "dns.cloudflare.api_base_url", "must be an http:// or https:// URL");
        check(p, c.requestsPerFiveMinutes() >= 1 && c.requestsPerFiveMinutes() <= 1200, "dns.cloudflare.requests_per_five_minutes",
                "must be between 1 and 1200 (Cloudflare's limit per user)");
        positive(p, c.timeout(), "dns.cloudflare.timeout");
    }
}
