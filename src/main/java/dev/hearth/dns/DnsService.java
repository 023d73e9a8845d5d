package dev.hearth.dns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.dns.cloudflare.CloudflareApi;
import dev.hearth.dns.cloudflare.CloudflareDns;
import dev.hearth.dns.cloudflare.RequestBudget;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.http.AuthStrategy;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.RetryPolicy;
import dev.hearth.platform.http.UpstreamSpec;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishing services under the zone: {@link #expose} points a hostname at the tunnel (a proxied CNAME to
 * {@code <tunnel>.cfargotunnel.com}) and, for a remotely-managed tunnel, adds its ingress rule to the origin;
 * {@link #unexpose} takes both away. A tunnel carries web traffic to ordinary visitors: a Minecraft server is
 * refused there, with a plain DNS record offered instead ({@link #createPlain}).
 */
@Singleton
public class DnsService {
    public static final String COMMENT = "managed by Hearth";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final Optional<DnsProvider> provider;

    @Inject
    public DnsService(ConfigService config, HttpStack http, ObjectMapper json, Clock clock) {
        this(cloudflare(config.current().section(DnsConfig.class), http, json, clock));
    }

    public DnsService(Optional<DnsProvider> provider) {
        this.provider = provider;
    }

    static Optional<DnsProvider> cloudflare(DnsConfig dns, HttpStack http, ObjectMapper json, Clock clock) {
        if (!dns.provider().equals("cloudflare")) return Optional.empty();
        DnsConfig.Cloudflare c = dns.cloudflare();
        String base = c.apiBaseUrl().endsWith("/") ? c.apiBaseUrl() : c.apiBaseUrl() + "/";
        UpstreamSpec spec = UpstreamSpec.of("cloudflare", URI.create(base))
                .withAuth(AuthStrategy.bearer(c.apiToken()))
                .withTimeouts(
                        Duration.ofSeconds(5).compareTo(c.timeout()) < 0 ? Duration.ofSeconds(5) : c.timeout(),
                        c.timeout())
                .withRetry(RetryPolicy.none()); // every call counts against the budget once
        RequestBudget budget = new RequestBudget(c.requestsPerFiveMinutes(), WINDOW, clock, Thread::sleep);
        CloudflareApi api = new CloudflareApi(http.client(spec), budget, json, c.timeout());
        return Optional.of(new CloudflareDns(api, c.zone(), c.accountId(), c.tunnelId()));
    }

    public boolean configured() {
        return provider.isPresent();
    }

    /** Off (no {@code dns.provider}) is 404, as the MCP server when off: nothing to reach, and nothing to retry later. */
    private DnsProvider provider() {
        return provider.orElseThrow(() -> new ApiException(
                ErrorCode.NOT_FOUND,
                "Public DNS is not set up: set dns.provider (cloudflare) and its settings",
                Map.of("reason", "not_configured")));
    }

    public String zone() {
        return provider().zone();
    }

    /** The zone's records, newest API state. */
    public List<DnsRecord> records() {
        return call(() -> provider().records());
    }

    public TunnelStatus tunnel() {
        return call(() -> provider().tunnel());
    }

    public List<IngressRule> ingress() {
        return call(() -> provider().ingress());
    }

    /** A hostname of the zone from a label ({@code jellyfin}) or a full name inside it. */
    public String hostname(String name) {
        String zone = zone().toLowerCase(Locale.ROOT);
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        if (!n.matches("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*")) {
            throw ApiException.invalid("hostname", "'" + name + "' is not a host name (letters, digits, - and dots)");
        }
        if (n.equals(zone) || n.endsWith("." + zone)) return n;
        if (n.contains(".")) throw ApiException.invalid("hostname", "'" + name + "' is outside the zone " + zone);
        return n + "." + zone;
    }

    /** Publishes {@code origin} (an http(s) URL on the home network) at {@code hostname} through the tunnel. */
    public Exposure expose(String name, String origin) {
        String host = hostname(name);
        URI o = origin(origin, host);
        return call(() -> {
            DnsProvider p = provider();
            TunnelStatus tunnel = p.tunnel();
            String target = tunnel.cnameTarget();
            NewRecord wanted = new NewRecord("CNAME", host, target, true, 1, null, COMMENT);
            List<DnsRecord> same = p.records().stream()
                    .filter(r -> r.name().equalsIgnoreCase(host))
                    .toList();
            DnsRecord record = null;
            for (DnsRecord r : same) {
                if (r.type().equals("CNAME") && r.content().equalsIgnoreCase(target)) {
                    record = r.proxied() ? r : p.update(r.id(), wanted);
                } else if (List.of("CNAME", "A", "AAAA").contains(r.type())) {
                    throw new ApiException(
                            ErrorCode.CONFLICT,
                            host + " already has a " + r.type() + " record to " + r.content()
                                    + "; remove it first (Hearth does not replace records it did not make)",
                            Map.of("record_id", r.id()));
                }
            }
            if (record == null) record = p.create(wanted);
            String ingress;
            String note = "";
            if (tunnel.remotelyManaged()) {
                List<IngressRule> rules = new ArrayList<>(p.ingress());
                IngressRule rule = new IngressRule(host, o.toString());
                int at = indexOf(rules, host);
                if (at < 0) {
                    rules.add(rule);
                    ingress = "added";
                } else if (rules.get(at).service().equals(rule.service())) {
                    ingress = "unchanged";
                } else {
                    rules.set(at, rule);
                    ingress = "updated";
                }
                if (!ingress.equals("unchanged")) p.putIngress(rules);
            } else {
                ingress = "not_managed";
                note = "The tunnel reads its routes from cloudflared's own config file: add '- hostname: " + host
                        + "' with 'service: " + o + "' there before its catch-all rule.";
            }
            return new Exposure(host, o.toString(), record, ingress, note);
        });
    }

    /** Takes a published hostname away: its CNAME to the tunnel and its ingress rule. */
    /** What {@link #unexpose} took away. */
    public record Unexposed(String hostname, List<String> recordsRemoved, boolean ingressRuleRemoved) {}

    public Unexposed unexpose(String name) {
        String host = hostname(name);
        return call(() -> {
            DnsProvider p = provider();
            TunnelStatus tunnel = p.tunnel();
            List<String> removed = new ArrayList<>();
            for (DnsRecord r : p.records()) {
                if (!r.name().equalsIgnoreCase(host)) continue;
                if (r.type().equals("CNAME") && r.content().equalsIgnoreCase(tunnel.cnameTarget())) {
                    p.delete(r.id());
                    removed.add(r.id());
                }
            }
            boolean ruleRemoved = false;
            if (tunnel.remotelyManaged()) {
                List<IngressRule> rules = new ArrayList<>(p.ingress());
                int at = indexOf(rules, host);
                if (at >= 0) {
                    rules.remove(at);
                    p.putIngress(rules);
                    ruleRemoved = true;
                }
            }
            if (removed.isEmpty() && !ruleRemoved) {
                throw new ApiException(
                        ErrorCode.NOT_FOUND, host + " is not published through the tunnel", Map.of("hostname", host));
            }
            return new Unexposed(host, List.copyOf(removed), ruleRemoved);
        });
    }

    /**
     * A DNS-only record (never proxied): {@code A} or {@code AAAA} to an address, or {@code SRV} ({@code _minecraft._tcp.<name>}
     * to {@code target}:{@code port}), for traffic a tunnel does not carry.
     */
    public DnsRecord createPlain(String type, String name, String value, int port) {
        String t = type.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "A", "AAAA" -> {
                String host = hostname(name);
                InetAddress address = address(value);
                if (t.equals("A") != (address instanceof Inet4Address)) {
                    throw ApiException.invalid(
                            "content", "'" + value + "' is not an " + (t.equals("A") ? "IPv4" : "IPv6") + " address");
                }
                yield call(() ->
                        provider().create(new NewRecord(t, host, address.getHostAddress(), false, 1, null, COMMENT)));
            }
            case "SRV" -> {
                if (port < 1 || port > 65535) throw ApiException.invalid("port", "must be between 1 and 65535");
                String service = name.startsWith("_") ? hostname(name) : "_minecraft._tcp." + hostname(name);
                String target = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
                if (!target.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"))
                    throw ApiException.invalid("target", "'" + value + "' is not a host name");
                yield call(() -> provider()
                        .create(new NewRecord(
                                "SRV", service, "", false, 1, new DnsRecord.Srv(0, 5, port, target), COMMENT)));
            }
            default ->
                throw ApiException.invalid(
                        "type", "must be A, AAAA or SRV (a CNAME to the tunnel is made by exposing a service)");
        };
    }

    public void deleteRecord(String id) {
        if (!id.matches("[A-Za-z0-9]{1,64}")) throw ApiException.invalid("id", "'" + id + "' is not a record id");
        call(() -> {
            provider().delete(id);
            return null;
        });
    }

    /** What to tell someone who wants a Minecraft server reachable by name: why not the tunnel, and the records that work. */
    public static Map<String, Object> minecraftAdvice(String host, int port, String publicTarget) {
        Map<String, Object> srv = new LinkedHashMap<>();
        srv.put("type", "SRV");
        srv.put("name", "_minecraft._tcp." + host);
        srv.put(
                "target",
                publicTarget.isEmpty() ? "<a DNS-only A or AAAA record of your home's public address>" : publicTarget);
        srv.put("port", port);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "A");
        a.put("name", host);
        a.put("content", "<your public IPv4 address>");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("through_tunnel", false);
        out.put(
                "message",
                "Minecraft is not served through a Cloudflare tunnel for ordinary players: a tunnel's public hostnames carry web "
                        + "traffic, and a TCP route would need cloudflared on every player's computer. Publish a DNS-only record instead (never "
                        + "proxied), with the game port forwarded on your router: an A/AAAA record to your public address"
                        + (port == 25565 ? "" : " (players then add :" + port + ")")
                        + ", or an SRV record so the name alone finds the port.");
        out.put(
                "offer",
                List.of(Map.of("action", "dns.record", "params", srv), Map.of("action", "dns.record", "params", a)));
        return out;
    }

    private static URI origin(String origin, String host) {
        URI o;
        try {
            o = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("origin", "'" + origin + "' is not a URL");
        }
        String scheme = o.getScheme() == null ? "" : o.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("minecraft")
                || scheme.equals("tcp") && (o.getPort() == 25565 || o.getPort() == -1)
                || o.getPort() == 25565) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    String.valueOf(minecraftAdvice(host, o.getPort() > 0 ? o.getPort() : 25565, "")
                            .get("message")),
                    minecraftAdvice(host, o.getPort() > 0 ? o.getPort() : 25565, ""));
        }
        if (!scheme.equals("http") && !scheme.equals("https") || o.getHost() == null) {
            throw ApiException.invalid(
                    "origin",
                    "'" + origin + "' must be an http:// or https:// URL on the home network: a tunnel's public "
                            + "hostnames carry web traffic");
        }
        return o;
    }

    private static InetAddress address(String value) {
        if (!value.matches("[0-9a-fA-F:.]+"))
            throw ApiException.invalid("content", "'" + value + "' is not an IP address");
        try {
            return InetAddress.getByName(value); // a literal: no lookup happens
        } catch (java.net.UnknownHostException e) {
            throw ApiException.invalid("content", "'" + value + "' is not an IP address");
        }
    }

    private static int indexOf(List<IngressRule> rules, String host) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i).hostname().equalsIgnoreCase(host)) return i;
        return -1;
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DnsException e) {
            throw switch (e.kind()) {
                case CONFLICT -> new ApiException(ErrorCode.CONFLICT, String.valueOf(e.getMessage()));
                case NOT_FOUND -> new ApiException(ErrorCode.NOT_FOUND, String.valueOf(e.getMessage()));
                case REFUSED -> new ApiException(ErrorCode.INVALID_INPUT, String.valueOf(e.getMessage()));
                case RATE_LIMITED ->
                    new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            String.valueOf(e.getMessage()),
                            Map.of("reason", "rate_limited", "retry_after_seconds", e.retryAfterSeconds()));
                case AUTH ->
                    new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            String.valueOf(e.getMessage()),
                            Map.of("reason", "auth_failed"));
                case UNAVAILABLE ->
                    new ApiException(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            String.valueOf(e.getMessage()),
                            Map.of("reason", "unavailable"));
            };
        }
    }
}
