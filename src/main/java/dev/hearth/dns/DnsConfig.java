package dev.hearth.dns;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.time.Duration;

/**
 * The {@code dns} section: public DNS for exposed services, a provider ({@code cloudflare}) and its settings;
 * empty: none. The provider is built once at start (its request budget must outlive a change).
 */
@RestartRequired
public record DnsConfig(String provider, Cloudflare cloudflare) implements Validated {
    public DnsConfig {
        provider = provider == null ? "" : provider.trim();
        cloudflare = cloudflare == null ? Cloudflare.none() : cloudflare;
    }

    /** Cloudflare API v4 with an API token; the zone by name; the tunnel whose hostname the CNAMEs point at. */
    public record Cloudflare(
            @Secret String apiToken,
            String zone,
            String tunnelId,
            String accountId,
            String apiBaseUrl,
            int requestsPerFiveMinutes,
            Duration timeout) {
        public Cloudflare {
            apiToken = apiToken == null ? "" : apiToken;
            zone = zone == null ? "" : zone.trim();
            tunnelId = tunnelId == null ? "" : tunnelId.trim();
            accountId = accountId == null ? "" : accountId.trim();
            apiBaseUrl =
                    apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.cloudflare.com/client/v4" : apiBaseUrl;
            requestsPerFiveMinutes = requestsPerFiveMinutes == 0 ? 1200 : requestsPerFiveMinutes;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }

        static Cloudflare none() {
            return new Cloudflare("", "", "", "", "https://api.cloudflare.com/client/v4", 1200, Duration.ofSeconds(10));
        }
    }

    @Override
    public void validate(Problems p) {
        if (provider.isEmpty()) return;
        if (!provider.equals("cloudflare")) {
            p.add("provider", "must be cloudflare (or empty for none), got '" + provider + "'");
            return;
        }
        Cloudflare c = cloudflare;
        p.check(
                !c.apiToken().isBlank(),
                "cloudflare.api_token",
                "must be set (an API token with Zone:DNS:Edit and Account:Cloudflare Tunnel:Edit; use ${CLOUDFLARE_API_TOKEN})");
        p.check(
                c.zone().matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"),
                "cloudflare.zone",
                "must be the zone's domain name, e.g. example.org");
        p.check(
                c.tunnelId().isEmpty() || c.tunnelId().matches("[0-9a-fA-F-]{32,36}"),
                "cloudflare.tunnel_id",
                "must be the tunnel's UUID (cloudflared tunnel list), or empty");
        p.check(
                c.accountId().isEmpty() || c.accountId().matches("[0-9a-fA-F]{32}"),
                "cloudflare.account_id",
                "must be the 32-hex account id (or empty: then tunnel status and ingress rules are not available)");
        p.httpUrl(c.apiBaseUrl(), "cloudflare.api_base_url");
        p.check(
                c.requestsPerFiveMinutes() >= 1 && c.requestsPerFiveMinutes() <= 1200,
                "cloudflare.requests_per_five_minutes",
                "must be between 1 and 1200 (Cloudflare's limit per user)");
        p.positive(c.timeout(), "cloudflare.timeout");
    }
}
