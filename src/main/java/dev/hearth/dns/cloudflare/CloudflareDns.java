package dev.hearth.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.dns.DnsException;
import dev.hearth.dns.DnsProvider;
import dev.hearth.dns.DnsRecord;
import dev.hearth.dns.IngressRule;
import dev.hearth.dns.NewRecord;
import dev.hearth.dns.TunnelStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare as a {@link DnsProvider}: the zone found by name once, its records, and the tunnel ({@code cfd_tunnel}) with
 * its remotely-managed configuration, edited read-modify-write (a PUT replaces the whole document) with the catch-all
 * rule kept last, as Cloudflare requires.
 */
public final class CloudflareDns implements DnsProvider {
    private static final String CATCH_ALL = "http_status:404";
    private final CloudflareApi api;
    private final String zone;
    private final String accountId;
    private final String tunnelId;
    private volatile @Nullable String zoneId;

    public CloudflareDns(CloudflareApi api, String zone, String accountId, String tunnelId) {
        this.api = api;
        this.zone = zone;
        this.accountId = accountId;
        this.tunnelId = tunnelId;
    }

    @Override
    public String zone() {
        return zone;
    }

    private String zoneId() {
        String id = zoneId;
        if (id != null) return id;
        List<JsonNode> zones = api.list("/zones?name=" + URLEncoder.encode(zone, StandardCharsets.UTF_8));
        if (zones.isEmpty()) {
            throw new DnsException(
                    DnsException.Kind.NOT_FOUND,
                    "Cloudflare has no zone '" + zone + "' for this token (dns.cloudflare.zone)");
        }
        id = zones.getFirst().path("id").asText();
        zoneId = id;
        return id;
    }

    @Override
    public List<DnsRecord> records() {
        return api.list("/zones/" + zoneId() + "/dns_records").stream()
                .map(CloudflareDns::record)
                .toList();
    }

    @Override
    public DnsRecord create(NewRecord r) {
        return record(api.send("POST", "/zones/" + zoneId() + "/dns_records", body(r)));
    }

    @Override
    public DnsRecord update(String id, NewRecord r) {
        return record(api.send("PUT", "/zones/" + zoneId() + "/dns_records/" + id, body(r)));
    }

    @Override
    public void delete(String id) {
        api.delete("/zones/" + zoneId() + "/dns_records/" + id);
    }

    @Override
    public TunnelStatus tunnel() {
        requireTunnel();
        JsonNode t = api.get(tunnelPath());
        String active = t.path("conns_active_at").isTextual()
                ? t.path("conns_active_at").asText()
                : null;
        return new TunnelStatus(
                t.path("id").asText(tunnelId),
                t.path("name").asText(""),
                t.path("status").asText("unknown"),
                t.path("remote_config").asBoolean(false),
                t.path("connections").size(),
                active,
                tunnelId + ".cfargotunnel.com");
    }

    @Override
    public List<IngressRule> ingress() {
        requireTunnel();
        List<IngressRule> rules = new ArrayList<>();
        for (JsonNode rule :
                api.get(tunnelPath() + "/configurations").path("config").path("ingress")) {
            if (rule.hasNonNull("hostname"))
                rules.add(new IngressRule(
                        rule.path("hostname").asText(), rule.path("service").asText()));
        }
        return rules;
    }

    @Override
    public void putIngress(List<IngressRule> rules) {
        requireTunnel();
        JsonNode current = api.get(tunnelPath() + "/configurations").path("config");
        ObjectNode config =
                current.isObject() ? ((ObjectNode) current).deepCopy() : JsonNodeFactory.instance.objectNode();
        String catchAll = CATCH_ALL;
        JsonNode last = current.path("ingress").path(current.path("ingress").size() - 1);
        if (last.isObject() && !last.hasNonNull("hostname"))
            catchAll = last.path("service").asText(CATCH_ALL);
        ArrayNode ingress = config.putArray("ingress");
        for (JsonNode old : current.path("ingress")) {
            // rules Hearth does not manage here (a path-matched one) are kept as they are
            if (old.hasNonNull("path") && old.hasNonNull("hostname")) ingress.add(old);
        }
        for (IngressRule r : rules)
            ingress.addObject().put("hostname", r.hostname()).put("service", r.service());
        ingress.addObject().put("service", catchAll);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("config", config);
        api.send("PUT", tunnelPath() + "/configurations", body);
    }

    private String tunnelPath() {
        return "/accounts/" + accountId + "/cfd_tunnel/" + tunnelId;
    }

    private void requireTunnel() {
        if (tunnelId.isEmpty() || accountId.isEmpty()) {
            throw new DnsException(
                    DnsException.Kind.REFUSED,
                    "No tunnel is configured: set dns.cloudflare.tunnel_id and dns.cloudflare.account_id");
        }
    }

    private static ObjectNode body(NewRecord r) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("type", r.type()).put("name", r.name()).put("ttl", r.ttl()).put("comment", r.comment());
        if (r.srv() != null) {
            b.putObject("data")
                    .put("priority", r.srv().priority())
                    .put("weight", r.srv().weight())
                    .put("port", r.srv().port())
                    .put("target", r.srv().target());
        } else {
            b.put("content", r.content()).put("proxied", r.proxied());
        }
        return b;
    }

    static DnsRecord record(JsonNode r) {
        JsonNode data = r.path("data");
        DnsRecord.Srv srv = "SRV".equals(r.path("type").asText()) && data.isObject()
                ? new DnsRecord.Srv(
                        data.path("priority").asInt(),
                        data.path("weight").asInt(),
                        data.path("port").asInt(),
                        data.path("target").asText())
                : null;
        return new DnsRecord(
                r.path("id").asText(),
                r.path("type").asText(),
                r.path("name").asText(),
                r.path("content").asText(""),
                r.path("proxied").asBoolean(false),
                r.path("ttl").asInt(1),
                srv,
                r.path("comment").asText(""));
    }
}
