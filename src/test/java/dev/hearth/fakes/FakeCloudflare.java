package dev.hearth.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A double of the Cloudflare API v4, written from Cloudflare's published API reference (developers.cloudflare.com/api:
 * "DNS Records for a Zone", "Cloudflare Tunnel", "Cloudflare Tunnel Configuration"; "Rate limits" in Fundamentals) and
 * its TypeScript SDK's resource files. Under {@code /client/v4}:
 * {@code GET /zones?name=}; {@code GET|POST /zones/{zone}/dns_records} (list paginated by {@code page}/{@code per_page}
 * with {@code result_info}); {@code PUT|PATCH|DELETE /zones/{zone}/dns_records/{id}};
 * {@code GET /accounts/{account}/cfd_tunnel/{id}}; {@code GET|PUT .../cfd_tunnel/{id}/configurations}.
 * Every answer is the envelope {@code {success, errors[{code, message}], messages, result}}. An API token goes as
 * {@code Authorization: Bearer}; a wrong one gets 403 with code 10000 "Authentication error". A CNAME, A or AAAA on a
 * name that has one of them gets 400 with 81053; an identical record 81058. A configuration whose last ingress rule
 * has a hostname is refused, as Cloudflare refuses it. Past {@link #rateLimit} calls, 429 with {@code Retry-After}.
 */
public final class FakeCloudflare implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECORDS = Pattern.compile("/client/v4/zones/([^/]+)/dns_records(?:/([^/]+))?");
    private static final Pattern TUNNEL =
            Pattern.compile("/client/v4/accounts/([^/]+)/cfd_tunnel/([^/]+)(/configurations)?");

    public record Call(String method, String path, String query, String body) {}

    private final HttpServer server;
    private final String token;
    public final String zoneId = UUID.randomUUID().toString().replace("-", "");
    public final String zoneName;
    public final String accountId = UUID.randomUUID().toString().replace("-", "");
    public final String tunnelId = UUID.randomUUID().toString();
    /** healthy, degraded, down or inactive. */
    public volatile String tunnelStatus = "healthy";
    /** Whether the tunnel's configuration lives at Cloudflare (remotely managed) or in cloudflared's file. */
    public volatile boolean remotelyManaged = true;
    /** Calls answered before the double starts answering 429; negative: no limit. */
    public volatile int rateLimit = -1;

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> records = new LinkedHashMap<>();
    private ObjectNode configuration;
    private int configVersion;

    public FakeCloudflare(String token, String zoneName) throws IOException {
        this.token = token;
        this.zoneName = zoneName;
        this.configuration = JsonNodeFactory.instance.objectNode();
        configuration.putArray("ingress").addObject().put("service", "http_status:404");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** The API base, as {@code dns.cloudflare.api_base_url} takes it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
    }

    public synchronized List<JsonNode> records() {
        return new ArrayList<>(records.values());
    }

    /** The tunnel's ingress rules as Cloudflare stores them, catch-all included. */
    public synchronized JsonNode ingress() {
        return configuration.path("ingress").deepCopy();
    }

    /** A record made outside Hearth (by hand in the dashboard, say). */
    public synchronized String addRecord(String type, String name, String content, boolean proxied) {
        ObjectNode r = record(type, name, content, proxied, 1, null, "");
        records.put(r.path("id").asText(), r);
        return r.path("id").asText();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : ex.getRequestURI().getRawQuery();
            calls.add(new Call(ex.getRequestMethod(), path, query, body));
            Answer a;
            if (rateLimit >= 0 && calls.size() > rateLimit) {
                ex.getResponseHeaders().set("Retry-After", "300");
                a = failure(429, 971, "Please wait and consider throttling your request speed");
            } else if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                a = failure(403, 10000, "Authentication error");
            } else {
                synchronized (this) {
                    a = route(ex.getRequestMethod(), path, query, body);
                }
            }
            byte[] out = JSON.writeValueAsBytes(a.body());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status(), out.length);
            ex.getResponseBody().write(out);
        }
    }

    private record Answer(int status, JsonNode body) {}

    private Answer route(String method, String path, String query, String body) throws IOException {
        Map<String, String> q = query(query);
        if (path.equals("/client/v4/zones") && method.equals("GET")) {
            List<JsonNode> zones = new ArrayList<>();
            if (!q.containsKey("name") || q.get("name").equals(zoneName)) {
                zones.add(JSON.createObjectNode()
                        .put("id", zoneId)
                        .put("name", zoneName)
                        .put("status", "active"));
            }
            return page(zones, q);
        }
        Matcher m = RECORDS.matcher(path);
        if (m.matches()) {
            if (!m.group(1).equals(zoneId))
                return failure(
                        404,
                        7003,
                        "Could not route to /zones/" + m.group(1) + ", perhaps your object identifier is invalid?");
            return m.group(2) == null ? records(method, q, body) : record(method, m.group(2), body);
        }
        Matcher t = TUNNEL.matcher(path);
        if (t.matches()) {
            if (!t.group(1).equals(accountId) || !t.group(2).equals(tunnelId))
                return failure(404, 1003, "Tunnel not found");
            if (t.group(3) == null) {
                if (!method.equals("GET")) return failure(405, 10405, "Method not allowed");
                ObjectNode tunnel = JSON.createObjectNode()
                        .put("id", tunnelId)
                        .put("name", "home-server-tunnel")
                        .put("status", tunnelStatus)
                        .put("remote_config", remotelyManaged)
                        .put("tun_type", "cfd_tunnel")
                        .put("account_tag", accountId);
                ArrayNode conns = tunnel.putArray("connections");
                if (!tunnelStatus.equals("inactive") && !tunnelStatus.equals("down")) {
                    for (String colo : List.of("ams01", "fra06"))
                        conns.addObject().put("colo_name", colo).put("is_pending_reconnect", false);
                    tunnel.put("conns_active_at", "2026-11-30T08:00:00Z");
                } else {
                    tunnel.putNull("conns_active_at");
                }
                return ok(tunnel);
            }
            if (method.equals("GET")) {
                return ok(JSON.createObjectNode()
                        .put("tunnel_id", tunnelId)
                        .put("version", configVersion)
                        .put("source", remotelyManaged ? "cloudflare" : "local")
                        .set("config", configuration.deepCopy()));
            }
            if (method.equals("PUT")) {
                if (!remotelyManaged)
                    return failure(
                            400,
                            1055,
                            "This tunnel is configured locally and its configuration cannot be changed remotely");
                JsonNode config = JSON.readTree(body).path("config");
                JsonNode ingress = config.path("ingress");
                if (!ingress.isArray()
                        || ingress.isEmpty()
                        || ingress.get(ingress.size() - 1).hasNonNull("hostname")) {
                    return failure(
                            400,
                            1056,
                            "Validation failed: The last ingress rule must match all URLs (i.e. it should not have a hostname or path)");
                }
                configuration = (ObjectNode) config.deepCopy();
                configVersion++;
                return ok(JSON.createObjectNode()
                        .put("tunnel_id", tunnelId)
                        .put("version", configVersion)
                        .put("source", "cloudflare")
                        .set("config", configuration.deepCopy()));
            }
        }
        return failure(404, 7000, "No route for that URI");
    }

    private Answer records(String method, Map<String, String> q, String body) throws IOException {
        if (method.equals("GET")) {
            List<JsonNode> found = records.values().stream()
                    .filter(r ->
                            !q.containsKey("type") || r.path("type").asText().equals(q.get("type")))
                    .filter(r ->
                            !q.containsKey("name") || r.path("name").asText().equals(q.get("name")))
                    .map(r -> (JsonNode) r)
                    .toList();
            return page(found, q);
        }
        if (!method.equals("POST")) return failure(405, 10405, "Method not allowed");
        JsonNode b = JSON.readTree(body);
        Answer invalid = validate(b, null);
        if (invalid != null) return invalid;
        ObjectNode r = record(
                b.path("type").asText(),
                b.path("name").asText(),
                b.path("content").asText(""),
                b.path("proxied").asBoolean(false),
                b.path("ttl").asInt(1),
                b.get("data"),
                b.path("comment").asText(""));
        records.put(r.path("id").asText(), r);
        return ok(r);
    }

    private Answer record(String method, String id, String body) throws IOException {
        ObjectNode existing = records.get(id);
        if (existing == null) return failure(404, 81044, "Record does not exist.");
        switch (method) {
            case "GET" -> {
                return ok(existing);
            }
            case "DELETE" -> {
                records.remove(id);
                return ok(JSON.createObjectNode().put("id", id));
            }
            case "PUT", "PATCH" -> {
                JsonNode b = JSON.readTree(body);
                ObjectNode merged = method.equals("PATCH") ? existing.deepCopy() : JSON.createObjectNode();
                b.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                Answer invalid = validate(merged, id);
                if (invalid != null) return invalid;
                ObjectNode r = record(
                        merged.path("type").asText(),
                        merged.path("name").asText(),
                        merged.path("content").asText(""),
                        merged.path("proxied").asBoolean(false),
                        merged.path("ttl").asInt(1),
                        merged.get("data"),
                        merged.path("comment").asText(""));
                r.put("id", id);
                records.put(id, r);
                return ok(r);
            }
            default -> {
                return failure(405, 10405, "Method not allowed");
            }
        }
    }

    private Answer validate(JsonNode b, String self) {
        String type = b.path("type").asText();
        String name = b.path("name").asText();
        if (!List.of("A", "AAAA", "CNAME", "SRV", "TXT", "MX").contains(type))
            return failure(400, 9000, "DNS name is invalid.");
        if (!name.equals(zoneName) && !name.endsWith("." + zoneName))
            return failure(400, 9005, "Content for " + type + " record is invalid.");
        if (b.path("proxied").asBoolean(false) && !List.of("A", "AAAA", "CNAME").contains(type)) {
            return failure(400, 9004, "This record type cannot be proxied.");
        }
        if (type.equals("SRV") && !b.path("data").has("port")) return failure(400, 9101, "SRV records need data.port");
        for (ObjectNode r : records.values()) {
            if (r.path("id").asText().equals(self) || !r.path("name").asText().equals(name)) continue;
            String other = r.path("type").asText();
            if (other.equals(type)
                    && r.path("content").asText("").equals(b.path("content").asText(""))
                    && !type.equals("SRV")) {
                return failure(400, 81058, "An identical record already exists.");
            }
            boolean addressOrAlias = List.of("A", "AAAA", "CNAME").contains(type)
                    && List.of("A", "AAAA", "CNAME").contains(other);
            if (addressOrAlias && (type.equals("CNAME") || other.equals("CNAME"))) {
                return failure(400, 81053, "An A, AAAA, or CNAME record with that host already exists.");
            }
        }
        return null;
    }

    private static ObjectNode record(
            String type, String name, String content, boolean proxied, int ttl, JsonNode data, String comment) {
        ObjectNode r = JSON.createObjectNode()
                .put("id", UUID.randomUUID().toString().replace("-", ""))
                .put("type", type)
                .put("name", name)
                .put("proxiable", List.of("A", "AAAA", "CNAME").contains(type))
                .put("proxied", proxied)
                .put("ttl", ttl)
                .put("comment", comment)
                .put("created_on", "2026-12-01T10:00:00Z")
                .put("modified_on", "2026-12-01T10:00:00Z");
        if (type.equals("SRV") && data != null) {
            r.set("data", data);
            r.put(
                    "content",
                    data.path("weight").asInt() + " " + data.path("port").asInt() + " "
                            + data.path("target").asText());
        } else {
            r.put("content", content);
        }
        return r;
    }

    private static Answer page(List<JsonNode> all, Map<String, String> q) {
        int page = Integer.parseInt(q.getOrDefault("page", "1"));
        int per = Math.min(5000, Integer.parseInt(q.getOrDefault("per_page", "100")));
        int from = Math.min(all.size(), (page - 1) * per);
        List<JsonNode> slice = all.subList(from, Math.min(all.size(), from + per));
        ObjectNode env = envelope(true);
        env.putArray("result").addAll(slice);
        env.putObject("result_info")
                .put("page", page)
                .put("per_page", per)
                .put("count", slice.size())
                .put("total_count", all.size())
                .put("total_pages", Math.max(1, (all.size() + per - 1) / per));
        return new Answer(200, env);
    }

    private static Answer ok(JsonNode result) {
        ObjectNode env = envelope(true);
        env.set("result", result);
        return new Answer(200, env);
    }

    private static Answer failure(int status, int code, String message) {
        ObjectNode env = envelope(false);
        env.putNull("result");
        ((ArrayNode) env.get("errors")).addObject().put("code", code).put("message", message);
        return new Answer(status, env);
    }

    private static ObjectNode envelope(boolean success) {
        ObjectNode env = JSON.createObjectNode().put("success", success);
        env.putArray("errors");
        env.putArray("messages");
        return env;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0)
                q.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
