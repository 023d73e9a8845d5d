package dev.hearth.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.fakes.FakeCloudflare;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exposure through the real Cloudflare client against the v4 API double: records, ingress rules, refusals, limits. */
class CloudflareExposureTest {
    static final String TOKEN = "cf-token-for-tests-0123456789";
    FakeCloudflare cf;
    HttpStack http;

    @BeforeEach
    void start() throws Exception {
        cf = new FakeCloudflare(TOKEN, "example.org");
        http = new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        http.close();
        cf.close();
    }

    DnsService dns(String token, int budget) {
        DnsConfig config = new DnsConfig(
                "cloudflare",
                new DnsConfig.Cloudflare(
                        token, "example.org", cf.tunnelId, cf.accountId, cf.baseUrl(), budget, Duration.ofSeconds(2)));
        return new DnsService(DnsService.cloudflare(config, http, new ObjectMapper(), Clock.systemUTC()));
    }

    DnsService dns() {
        return dns(TOKEN, 1200);
    }

    List<JsonNode> named(String name) {
        return cf.records().stream()
                .filter(r -> r.path("name").asText().equals(name))
                .toList();
    }

    @Test
    void exposingCreatesAProxiedCnameToTheTunnelAndItsIngressRuleBeforeTheCatchAll() {
        Exposure e = dns().expose("jellyfin", "http://127.0.0.1:8096");
        assertEquals("jellyfin.example.org", e.hostname());
        assertEquals("added", e.ingress());
        List<JsonNode> r = named("jellyfin.example.org");
        assertEquals(1, r.size());
        assertEquals("CNAME", r.getFirst().path("type").asText());
        assertEquals(
                cf.tunnelId + ".cfargotunnel.com", r.getFirst().path("content").asText());
        assertTrue(r.getFirst().path("proxied").asBoolean());
        JsonNode ingress = cf.ingress();
        assertEquals("jellyfin.example.org", ingress.get(0).path("hostname").asText());
        assertEquals("http://127.0.0.1:8096", ingress.get(0).path("service").asText());
        assertEquals("http_status:404", ingress.get(1).path("service").asText());
        assertFalse(ingress.get(1).has("hostname"), "the catch-all stays last");
    }

    @Test
    void exposingAgainChangesNothingAndAnUnproxiedCnameToTheTunnelIsProxied() {
        DnsService dns = dns();
        dns.expose("jellyfin", "http://127.0.0.1:8096");
        assertEquals(
                "unchanged",
                dns.expose("jellyfin.example.org", "http://127.0.0.1:8096").ingress());
        assertEquals(1, named("jellyfin.example.org").size());
        assertEquals(2, cf.ingress().size());
        assertEquals(
                "updated", dns.expose("jellyfin", "http://127.0.0.1:8097").ingress(), "a new origin replaces the rule");
        assertEquals(
                "http://127.0.0.1:8097", cf.ingress().get(0).path("service").asText());

        cf.addRecord("CNAME", "plex.example.org", cf.tunnelId + ".cfargotunnel.com", false);
        dns.expose("plex", "http://127.0.0.1:32400");
        assertTrue(named("plex.example.org").getFirst().path("proxied").asBoolean());
        assertEquals(1, named("plex.example.org").size());
    }

    @Test
    void aHostnameHeldByAnotherRecordIsAConflictAndNotTouched() {
        String id = cf.addRecord("A", "nas.example.org", "192.0.2.10", false);
        ApiException e = assertThrows(ApiException.class, () -> dns().expose("nas", "http://127.0.0.1:5000"));
        assertEquals(ErrorCode.CONFLICT, e.code());
        assertEquals(id, e.details().get("record_id"));
        assertEquals(
                "192.0.2.10",
                named("nas.example.org").getFirst().path("content").asText());
        assertEquals(1, cf.ingress().size(), "no rule for a hostname that is not published");
    }

    @Test
    void unexposingRemovesTheCnameAndTheRuleAndAnUnknownNameIsNotFound() {
        DnsService dns = dns();
        dns.expose("jellyfin", "http://127.0.0.1:8096");
        dns.expose("sonarr", "http://127.0.0.1:8989");
        DnsService.Unexposed r = dns.unexpose("jellyfin");
        assertTrue(r.ingressRuleRemoved());
        assertTrue(named("jellyfin.example.org").isEmpty());
        assertEquals(List.of("sonarr.example.org"), cf.ingress().findValuesAsText("hostname"));
        assertEquals(
                ErrorCode.NOT_FOUND,
                assertThrows(ApiException.class, () -> dns.unexpose("jellyfin")).code());
    }

    @Test
    void withALocallyManagedTunnelOnlyTheCnameIsMadeAndTheAnswerSaysWhatToAdd() {
        cf.remotelyManaged = false;
        Exposure e = dns().expose("jellyfin", "http://127.0.0.1:8096");
        assertEquals("not_managed", e.ingress());
        assertTrue(e.note().contains("hostname: jellyfin.example.org"), e.note());
        assertEquals(1, named("jellyfin.example.org").size());
        assertTrue(cf.calls.stream().noneMatch(c -> c.method().equals("PUT")), "the configuration is not touched");
    }

    @Test
    void minecraftIsRefusedForTheTunnelAndAPlainRecordIsOfferedAndMade() {
        DnsService dns = dns();
        ApiException e = assertThrows(ApiException.class, () -> dns.expose("mc", "tcp://127.0.0.1:25565"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(
                e.getMessage().startsWith("Minecraft is not served through a Cloudflare tunnel for ordinary players"),
                e.getMessage());
        assertTrue(
                e.details().get("offer").toString().contains("_minecraft._tcp.mc.example.org"),
                e.details().toString());
        assertTrue(cf.records().isEmpty(), "nothing published");

        DnsRecord srv = dns.createPlain("SRV", "mc", "home.example.org", 25566);
        assertEquals("_minecraft._tcp.mc.example.org", srv.name());
        assertEquals(new DnsRecord.Srv(0, 5, 25566, "home.example.org"), srv.srv());
        DnsRecord a = dns.createPlain("A", "home", "198.51.100.7", 0);
        assertFalse(a.proxied(), "DNS only: a proxied record would not carry the game's TCP either");
        assertFalse(named("home.example.org").getFirst().path("proxied").asBoolean());
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(ApiException.class, () -> dns.createPlain("A", "home6", "2001:db8::1", 0))
                        .code());
    }

    @Test
    void theTunnelsStatusIsRead() {
        TunnelStatus t = dns().tunnel();
        assertEquals("healthy", t.status());
        assertEquals(2, t.connections());
        assertTrue(t.remotelyManaged());
        cf.tunnelStatus = "down";
        assertEquals("down", dns().tunnel().status());
        assertEquals(0, dns().tunnel().connections());
    }

    @Test
    void aWrongTokenIsUnavailableWithTheReasonAndNeverRetried() {
        ApiException e = assertThrows(
                ApiException.class, () -> dns("wrong-token-wrong-token", 1200).records());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertEquals("auth_failed", e.details().get("reason"));
        assertTrue(e.getMessage().contains("Authentication error (code 10000)"), e.getMessage());
        assertEquals(1, cf.calls.size());
    }

    @Test
    void a429StopsEveryCallUntilRetryAfterAndHearthsOwnBudgetStopsItFirst() {
        cf.rateLimit = 2;
        DnsService dns = dns();
        dns.records(); // the zone lookup and the list
        ApiException e = assertThrows(ApiException.class, dns::records);
        assertEquals("rate_limited", e.details().get("reason"));
        assertEquals(300L, e.details().get("retry_after_seconds"));
        int seen = cf.calls.size();
        assertThrows(ApiException.class, dns::records);
        assertEquals(seen, cf.calls.size(), "after a 429 no call leaves Hearth until Retry-After has passed");

        cf.rateLimit = -1;
        cf.calls.clear();
        DnsService small = dns(TOKEN, 3);
        small.records();
        small.records();
        ApiException own = assertThrows(ApiException.class, small::records, "the fourth call of a budget of three");
        assertEquals("rate_limited", own.details().get("reason"));
        assertEquals(3, cf.calls.size(), "zone + records + records: the fourth never reached Cloudflare");
    }
}
