package dev.hearth.hub.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Detection in the seed's order: labels, then a known name, then probing {@link ProbePaths#COMMON}. Probes go only to
 * the service's registered address (never a redirect's), each within the probe timeout, at most
 * {@code parallelProbes} at once across every caller; a service that does not answer its address at all is given
 * up after one timeout rather than 19, so ten dead services cost one timeout, not their sum.
 */
public final class ApiDetector implements AutoCloseable {
    private static final int TOO_MANY = 2000;

    private final DetectionLimits limits;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;

    public ApiDetector(DetectionLimits limits, Clock clock, ObjectMapper json) {
        this.limits = limits;
        this.clock = clock;
        this.json = json;
        this.inFlight = new Semaphore(limits.parallelProbes());
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.probeTimeout())
                .executor(threads)
                .build();
    }

    /** Every input detected at once (bounded by the shared probe limit); the answers in the inputs' order. */
    public List<DetectedApi> detectAll(List<DetectionInput> inputs) {
        if (inputs.size() > TOO_MANY) throw new IllegalArgumentException("too many services to detect at once");
        List<Future<DetectedApi>> running = new ArrayList<>();
        for (DetectionInput in : inputs) running.add(threads.submit(() -> detect(in)));
        List<DetectedApi> out = new ArrayList<>();
        for (Future<DetectedApi> f : running) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("detection interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("detection failed", e.getCause());
            }
        }
        return out;
    }

    public DetectedApi detect(DetectionInput in) {
        String base = stripSlash(in.baseUrl());
        Optional<DetectedApi> labelled = fromLabels(in, base);
        if (labelled.isPresent()) return labelled.get();
        Optional<KnownService> known = KnownServices.match(in.service(), in.image());
        if (known.isPresent()) {
            KnownService k = known.get();
            String version = k.versionPath() == null ? null : version(base + k.versionPath());
            return new DetectedApi(
                    in.service(),
                    base,
                    true,
                    base + k.apiBase(),
                    k.type(),
                    k.authStyle().wire(),
                    version,
                    "name",
                    null,
                    k.offer(),
                    clock.instant());
        }
        return probe(in, base);
    }

    private Optional<DetectedApi> fromLabels(DetectionInput in, String base) {
        Map<String, String> l = in.labels();
        for (String family : List.of("hearth.api.", "homelab.api.")) {
            String enabled = l.get(family + "enabled");
            String type = l.get(family + "type");
            String endpoint = l.get(family + "endpoint");
            if (enabled == null && type == null && endpoint == null) continue;
            if (enabled != null && !enabled.strip().equalsIgnoreCase("true")) {
                return Optional.of(new DetectedApi(
                        in.service(), base, false, null, null, null, null, "label", null, null, clock.instant()));
            }
            KnownService k = type == null ? null : KnownServices.byType(type).orElse(null);
            String path = endpoint != null ? confined(endpoint) : k != null ? k.apiBase() : "";
            String auth = k == null ? null : k.authStyle().wire();
            return Optional.of(new DetectedApi(
                    in.service(),
                    base,
                    true,
                    base + path,
                    type == null ? null : type.strip().toLowerCase(Locale.ROOT),
                    auth,
                    null,
                    "label",
                    null,
                    k == null ? null : k.offer(),
                    clock.instant()));
        }
        return Optional.empty();
    }

    /** A label's endpoint is a path under the base: anything else (a URL, a climb) is not followed. */
    private static String confined(String endpoint) {
        String e = endpoint.strip();
        if (!e.startsWith("/")) e = "/" + e;
        if (e.contains("..") || e.contains("//") || e.contains("\\") || e.contains(":") || e.contains("%")) {
            return "";
        }
        return stripSlash(e);
    }

    private DetectedApi probe(DetectionInput in, String base) {
        Answer root = get(base + "/");
        if (root == null) {
            return new DetectedApi(
                    in.service(), base, false, null, null, null, null, "none", null, null, clock.instant());
        }
        List<Future<@Nullable Answer>> probes = new ArrayList<>();
        for (String path : ProbePaths.COMMON) {
            probes.add(threads.submit(() -> get(base + path)));
        }
        Answer authWanted = null;
        String authPath = null;
        for (int i = 0; i < probes.size(); i++) {
            Answer a = await(probes.get(i));
            if (a == null) continue;
            String path = ProbePaths.COMMON.get(i);
            if (a.status() / 100 == 2 && a.json() != null) {
                probes.forEach(f -> f.cancel(true));
                return new DetectedApi(
                        in.service(),
                        base,
                        true,
                        base + apiRoot(path),
                        typeOf(a.json()),
                        a.status() == 200 ? "none" : null,
                        versionOf(a.json()),
                        "probe",
                        path,
                        null,
                        clock.instant());
            }
            if ((a.status() == 401 || a.status() == 403) && authWanted == null) {
                authWanted = a;
                authPath = path;
            }
        }
        if (authWanted != null && authPath != null) {
            String challenge = authWanted.challenge().toLowerCase(Locale.ROOT);
            String style =
                    challenge.startsWith("basic") ? "basic" : challenge.startsWith("bearer") ? "bearer" : "unknown";
            return new DetectedApi(
                    in.service(),
                    base,
                    true,
                    base + apiRoot(authPath),
                    null,
                    style,
                    null,
                    "probe",
                    authPath,
                    null,
                    clock.instant());
        }
        return new DetectedApi(in.service(), base, false, null, null, null, null, "none", null, null, clock.instant());
    }

    /** {@code /api/v1/system/status} → {@code /api/v1}; {@code /health} → {@code ""}. */
    static String apiRoot(String path) {
        String[] parts = path.split("/");
        if (parts.length > 1 && parts[1].equals("api")) {
            return parts.length > 2 && parts[2].matches("v\\d+") ? "/api/" + parts[2] : "/api";
        }
        return "";
    }

    private static @Nullable String typeOf(JsonNode body) {
        for (String field : List.of("appName", "app", "application", "product", "name")) {
            JsonNode n = body.get(field);
            if (n != null
                    && n.isTextual()
                    && !n.asText().isBlank()
                    && n.asText().length() <= 40) {
                return n.asText().strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static @Nullable String versionOf(JsonNode body) {
        for (String field : List.of("version", "Version", "ProductVersion")) {
            JsonNode n = body.get(field);
            if (n != null && n.isValueNode() && !n.asText().isBlank()) return n.asText();
        }
        JsonNode data = body.get("data");
        return data != null && data.isObject() ? versionOf(data) : null;
    }

    private @Nullable String version(String url) {
        Answer a = get(url);
        if (a == null || a.status() / 100 != 2) return null;
        if (a.json() != null) return versionOf(a.json());
        String text = a.text().strip();
        return text.matches("v?[0-9][0-9A-Za-z.+-]{0,30}") ? text : null;
    }

    private static @Nullable Answer await(Future<@Nullable Answer> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private record Answer(int status, String text, @Nullable JsonNode json, String challenge) {}

    /** One bounded GET; null when nothing answered within the timeout. */
    private @Nullable Answer get(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(limits.probeTimeout())
                    .header("Accept", "application/json, */*;q=0.5")
                    .header("User-Agent", "Hearth-detect")
                    .GET()
                    .build();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] head;
            try (InputStream body = r.body()) {
                head = body.readNBytes(limits.answerBytes());
            }
            String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode parsed = null;
            if (type.contains("json") || text.stripLeading().startsWith("{")) {
                try {
                    JsonNode n = json.readTree(text);
                    if (n != null && (n.isObject() || n.isArray())) parsed = n;
                } catch (IOException notJson) {
                    parsed = null;
                }
            }
            return new Answer(
                    r.statusCode(),
                    text,
                    parsed,
                    r.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            inFlight.release();
        }
    }

    private static String stripSlash(String s) {
        String t = s.strip();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
