package dev.hearth.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.hub.HubAnswers.ConnectionTest;
import dev.hearth.hub.HubAnswers.CredentialField;
import dev.hearth.hub.HubAnswers.Credentials;
import dev.hearth.hub.HubAnswers.Detections;
import dev.hearth.hub.HubAnswers.Proxied;
import dev.hearth.hub.client.ApiCredentials;
import dev.hearth.hub.client.AuthHints;
import dev.hearth.hub.client.AuthStyle;
import dev.hearth.hub.detect.ApiDetector;
import dev.hearth.hub.detect.DetectedApi;
import dev.hearth.hub.detect.DetectionInput;
import dev.hearth.hub.detect.DetectionLimits;
import dev.hearth.hub.detect.IntegrationOffer;
import dev.hearth.hub.detect.KnownService;
import dev.hearth.hub.detect.KnownServices;
import dev.hearth.hub.proxy.AllowList;
import dev.hearth.hub.proxy.HostResolver;
import dev.hearth.hub.proxy.ProxyCall;
import dev.hearth.hub.proxy.ProxyCore;
import dev.hearth.hub.proxy.ProxyLimits;
import dev.hearth.hub.proxy.ProxyOutcome;
import dev.hearth.hub.proxy.ProxyTarget;
import dev.hearth.hub.vault.SecretMetadata;
import dev.hearth.hub.vault.Vault;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.RuntimeRef;
import dev.hearth.services.Service;
import dev.hearth.services.ServiceRegistry;
import dev.hearth.services.docker.ContainerSummary;
import dev.hearth.services.docker.DockerEndpoints;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The hub as Hearth uses it: detection of the registered services (cached), their credentials in the vault (laid over
 * hearth.yml's), a connection test before saving, and the proxy to their APIs. Reached through {@link HubActions} so
 * every change is role-checked and audited.
 */
@Singleton
public class Hub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Hub.class);
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final ConfigService config;
    private final ServiceRegistry registry;
    private final DockerEndpoints docker;
    private final Vault vault;
    private final DetectionStore store;
    private final HttpStack stack;
    private final Clock clock;
    private volatile @Nullable Snapshot current;

    private record Snapshot(HubConfig config, ApiDetector detector, ProxyCore proxy) {}

    public Hub(
            ConfigService config,
            ServiceRegistry registry,
            DockerEndpoints docker,
            VaultCredentials credentials,
            Database db,
            HttpStack stack,
            ObjectMapper json,
            Clock clock) {
        this.config = config;
        this.registry = registry;
        this.docker = docker;
        this.vault = credentials.vault();
        this.store = new DetectionStore(db, json);
        this.stack = stack;
        this.clock = clock;
        this.json = json;
    }

    private final ObjectMapper json;

    /** The detector and proxy for the settings as they stand (made again when the hub section changes). */
    private Snapshot snapshot() {
        Snapshot s = current;
        HearthConfig c = config.current();
        if (s != null && s.config().equals(c.section(HubConfig.class))) return s; // every proxied call: no lock
        return remake(c);
    }

    private synchronized Snapshot remake(HearthConfig c) {
        HubConfig hub = c.section(HubConfig.class);
        Snapshot s = current;
        if (s != null && s.config().equals(hub)) return s;
        if (s != null) s.detector().close();
        ProxyLimits limits = ProxyLimits.defaults()
                .withTimeout(hub.proxyTimeout())
                .withMaxResponseBytes(hub.proxyMaxResponseBytes())
                .withOwnPort(c.server().port());
        Snapshot next = new Snapshot(
                hub,
                new ApiDetector(new DetectionLimits(hub.probeTimeout(), hub.parallelProbes(), 16 * 1024), clock, json),
                new ProxyCore(stack, HostResolver.SYSTEM, limits, clock));
        current = next;
        return next;
    }

    // ---- detection ------------------------------------------------------------------------------------

    public Detections detect(List<String> names, boolean force) {
        long t0 = System.nanoTime();
        Snapshot s = snapshot();
        Instant now = clock.instant();
        List<@Nullable DetectedApi> out = new ArrayList<>();
        List<DetectionInput> todo = new ArrayList<>();
        int cached = 0;
        Map<String, Integer> slot = new LinkedHashMap<>();
        for (String name : names) {
            Service service = registry.service(name);
            if (service.url().isEmpty()) {
                out.add(new DetectedApi(name, "", false, null, null, null, null, "none", null, null, now));
                continue;
            }
            Optional<DetectedApi> fresh = force || namesItsApi(name)
                    ? Optional.empty()
                    : store.fresh(name, base(service.url()), now, s.config().detectionCacheFor());
            if (fresh.isPresent()) {
                out.add(withOffer(fresh.get()));
                cached++;
                continue;
            }
            slot.put(name, out.size());
            out.add(null);
            todo.add(input(service));
        }
        for (DetectedApi d : s.detector().detectAll(todo)) {
            store.save(d);
            Integer at = slot.get(d.service());
            if (at != null) out.set(at, withOffer(d));
        }
        List<DetectedApi> all =
                out.stream().map(java.util.Objects::requireNonNull).toList();
        return new Detections(all, cached, (System.nanoTime() - t0) / 1_000_000);
    }

    public Detections detectAll(boolean force) {
        return detect(List.copyOf(registry.names()), force);
    }

    public Optional<DetectedApi> lastDetection(String name) {
        registry.require(name);
        return store.stored(name).map(this::withOffer);
    }

    private static String base(String url) {
        String t = url.strip();
        while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
        return t;
    }

    /** The integration Hearth has for the detected type, from the registry of kinds (not a list kept by hand). */
    private DetectedApi withOffer(DetectedApi d) {
        if (d.type() == null) return d.withOffer(null);
        Optional<IntegrationKind<?>> kind = registry.kinds().find(d.type());
        if (kind.isEmpty() || kind.get().id().equals("http")) return d.withOffer(null);
        List<String> fields = new ArrayList<>();
        for (var c : kind.get().settings().getRecordComponents()) fields.add(snake(c.getName()));
        return d.withOffer(new IntegrationOffer(kind.get().id(), fields));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The service's labels and image: its container's, when Docker runs it (a label read that fails leaves detection to
     * names and probes), with the labels of its entry (hearth.yml, or added through the API) laid over them: the
     * owner's word for a service Docker does not run, and the last word for one it does.
     */
    private DetectionInput input(Service s) {
        Map<String, String> labels = new LinkedHashMap<>();
        String image = "";
        if (s.runtime() instanceof RuntimeRef.Docker d) {
            try {
                for (ContainerSummary c : docker.require(d.endpoint()).listContainers(true)) {
                    if (c.names().stream()
                                    .anyMatch(n -> n.replaceFirst("^/", "").equals(d.container()))
                            || c.id().startsWith(d.container())) {
                        labels.putAll(c.labels());
                        image = c.image();
                        break;
                    }
                }
            } catch (RuntimeException e) {
                LOG.debugf("Hub: labels of %s not read: %s", s.name(), e.getMessage());
            }
        }
        labels.putAll(entryLabels(s.name()));
        return new DetectionInput(s.name(), base(s.url()), image, labels);
    }

    private Map<String, String> entryLabels(String name) {
        return registry.find(name).map(r -> r.entry().labels()).orElse(Map.of());
    }

    /** An entry that names its API by label is detected from it at once: a label changed in hearth.yml is not hidden by the cache. */
    private boolean namesItsApi(String name) {
        return entryLabels(name).keySet().stream()
                .anyMatch(k -> k.startsWith("hearth.api.") || k.startsWith("homelab.api."));
    }

    // ---- credentials ----------------------------------------------------------------------------------

    public Credentials credentials(String name) {
        registry.require(name);
        Map<String, CredentialField> fields = new LinkedHashMap<>();
        JsonNode written = registry.require(name).entry().credentials();
        written.fieldNames()
                .forEachRemaining(f -> fields.put(f, new CredentialField(f, true, "hearth.yml", null, null)));
        for (SecretMetadata m : vault.metadata(name)) {
            fields.put(m.field(), new CredentialField(m.field(), true, "vault", m.setAt(), m.setBy()));
        }
        return new Credentials(name, List.copyOf(fields.values()));
    }

    /** Seals each field given (an empty value removes it from the vault), then binds the service again with them. */
    public Credentials setCredentials(String name, JsonNode given, String by) {
        registry.require(name);
        Map<String, String> values = fields(given);
        values.forEach((field, value) -> {
            if (value.isEmpty()) vault.remove(name, field, by);
            else vault.put(name, field, value, by);
        });
        registry.rebind(name);
        snapshot().proxy().forget(name);
        return credentials(name);
    }

    private static Map<String, String> fields(JsonNode given) {
        if (!given.isObject() || given.isEmpty()) {
            throw ApiException.invalid("credentials", "is an object of fields, e.g. {\"api_key\": \"…\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        var it = given.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!FIELD.matcher(e.getKey()).matches()) {
                throw ApiException.invalid(
                        "credentials", "field names are lower-case words like api_key or password (not the given one)");
            }
            if (!e.getValue().isTextual()) {
                throw ApiException.invalid("credentials." + e.getKey(), "is a string");
            }
            if (e.getValue().asText().length() > Vault.MAX_VALUE_CHARS) {
                throw ApiException.invalid(
                        "credentials." + e.getKey(), "is at most " + Vault.MAX_VALUE_CHARS + " characters");
            }
            values.put(e.getKey(), e.getValue().asText());
        }
        return values;
    }

    /**
     * Tries the credentials given (or, with none given, those stored) on one read of the service's API through the
     * proxy's bounds, nothing saved: the path is the detected version path, or the API base.
     */
    public ConnectionTest testConnection(String name, @Nullable JsonNode given, @Nullable String path) {
        Service s = registry.service(name);
        if (s.url().isEmpty()) throw ApiException.invalid("name", "the service has no url to call");
        Map<String, String> fields = new LinkedHashMap<>(storedFields(name));
        if (given != null && !given.isNull()) fields.putAll(fields(given));
        String probe = path != null && !path.isBlank() ? path : testPath(name, s);
        ProxyTarget target = target(name + "~test", s, ApiCredentials.fromFields(fields));
        Snapshot snap = snapshot();
        try {
            ProxyOutcome o = snap.proxy().forward(target, ProxyCall.get(probe));
            return switch (o) {
                case ProxyOutcome.Answered a ->
                    new ConnectionTest(
                            a.success(),
                            a.status(),
                            a.success()
                                    ? "the service accepted the call"
                                    : a.status() == 401 || a.status() == 403
                                            ? "the service refused the credentials"
                                            : "the service answered HTTP " + a.status(),
                            probe);
                case ProxyOutcome.Refused r -> new ConnectionTest(false, null, r.message(), probe);
                case ProxyOutcome.Failed f -> new ConnectionTest(false, f.status(), f.message(), probe);
            };
        } finally {
            snap.proxy().forget(name + "~test");
        }
    }

    private String testPath(String name, Service s) {
        Optional<KnownService> known = store.stored(name)
                .map(DetectedApi::type)
                .flatMap(t -> t == null ? Optional.empty() : KnownServices.byType(t))
                .or(() -> KnownServices.match(name, ""));
        if (known.isPresent() && known.get().versionPath() != null)
            return known.get().versionPath();
        return store.stored(name)
                .map(d -> d.probedPath() != null ? d.probedPath() : apiPath(d, s))
                .orElse("/");
    }

    private static String apiPath(DetectedApi d, Service s) {
        String api = d.apiBase();
        String base = base(s.url());
        return api != null && api.startsWith(base) && api.length() > base.length() ? api.substring(base.length()) : "/";
    }

    // ---- proxy ----------------------------------------------------------------------------------------

    public Proxied proxy(String name, ProxyCall call) {
        Service s = registry.service(name);
        if (s.url().isEmpty())
            throw new ApiException(ErrorCode.INVALID_INPUT, "Service '" + name + "' has no url to proxy to");
        return Proxied.of(
                snapshot().proxy().forward(target(name, s, ApiCredentials.fromFields(storedFields(name))), call));
    }

    /** hearth.yml's text fields with the vault's over them. */
    private Map<String, String> storedFields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode written = registry.require(name).entry().credentials();
        written.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) fields.put(e.getKey(), e.getValue().asText());
        });
        fields.putAll(vault.credentials(name));
        return fields;
    }

    private ProxyTarget target(String key, Service s, ApiCredentials credentials) {
        ProxyTarget t =
                new ProxyTarget(key, URI.create(s.url()), credentials, hints(s.name()), allowList(s.name()), true);
        return t;
    }

    private AuthHints hints(String name) {
        Optional<KnownService> known = store.stored(name)
                .map(DetectedApi::type)
                .flatMap(t -> t == null ? Optional.empty() : KnownServices.byType(t))
                .or(() -> KnownServices.match(name, ""));
        if (known.isPresent()) {
            AuthHints h = known.get().hints();
            return h.style() == AuthStyle.IN_BODY ? AuthHints.none() : h;
        }
        return AuthHints.none();
    }

    private AllowList allowList(String name) {
        return snapshot().config().proxyAllow().stream()
                .filter(a -> a.service().equals(name))
                .findFirst()
                .map(a -> AllowList.parse(a.rules()))
                .orElse(AllowList.everything());
    }

    // ---- key ------------------------------------------------------------------------------------------

    public HubAnswers.Rotated rotateKey() {
        var r = vault.rotate();
        return new HubAnswers.Rotated(r.entries(), r.fromKeyId(), r.toKeyId(), r.at());
    }

    public Duration probeTimeout() {
        return snapshot().config().probeTimeout();
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        Snapshot s = current;
        if (s != null) s.detector().close();
    }
}
