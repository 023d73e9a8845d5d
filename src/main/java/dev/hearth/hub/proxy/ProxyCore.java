package dev.hearth.hub.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.hub.client.ApiBody;
import dev.hearth.hub.client.ApiRequest;
import dev.hearth.hub.client.AuthHints;
import dev.hearth.hub.client.GenericApiClient;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.http.UpstreamException;
import dev.hearth.platform.http.UpstreamResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Forwards a caller's call to a registered service, and nowhere else.
 *
 * <p>In order: the method is one of GET, POST, PUT, PATCH, DELETE; the path and query are confined
 * ({@link ConfinedPath}); the allow-list, when the service has one, names the method and path; the base's address is
 * allowed ({@link AddressPolicy}, checked at every call); the URL built stays on the base's origin and under its path
 * (checked again, whatever the steps before proved); the call goes through the service's {@link GenericApiClient}
 * (its credentials, the stack's timeouts and answer bound, no redirect followed by the stack). A redirect is followed
 * here only for a GET, only to the same origin under the base path, through the same checks, at most
 * {@link ProxyLimits#maxRedirects()} times. The answer's text has every credential value of the service masked before
 * it is passed on: an upstream that echoes its key in an error does not hand it to a viewer.
 *
 * <p>One client per service is kept (its session and connections); a new base or new hints make a new one, new
 * credentials are handed to the existing one.
 */
public final class ProxyCore {
    private static final Logger LOG = Logger.getLogger(ProxyCore.class);
    private static final String MASK = "********";

    private record Cached(GenericApiClient client, URI base, AuthHints hints) {}

    private final HttpStack stack;
    private final HostResolver resolver;
    private final ProxyLimits limits;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Cached> clients = new ConcurrentHashMap<>();

    public ProxyCore(HttpStack stack, HostResolver resolver, ProxyLimits limits, Clock clock) {
        this.stack = stack;
        this.resolver = resolver;
        this.limits = limits;
        this.clock = clock;
    }

    public ProxyOutcome forward(ProxyTarget target, ProxyCall call) {
        try {
            return forwardChecked(target, call);
        } catch (ProxyRefused refused) {
            LOG.debugf("Proxy %s: refused %s: %s", target.service(), call, refused.getMessage());
            return new ProxyOutcome.Refused(refused.reason(), refused.explanation());
        }
    }

    /** Drops the service's client (the service was removed, or its base changed). */
    public void forget(String service) {
        clients.remove(service);
    }

    private ProxyOutcome forwardChecked(ProxyTarget target, ProxyCall call) {
        String method = call.method().toUpperCase(Locale.ROOT);
        if (!AllowList.METHODS.contains(method)) {
            throw new ProxyRefused(
                    ProxyRefused.Reason.METHOD_NOT_ALLOWED,
                    "the proxy forwards GET, POST, PUT, PATCH and DELETE, not " + method);
        }
        ConfinedPath path = ConfinedPath.parse(call.path(), call.query());
        URI base = baseWithSlash(target.baseUrl());
        allowed(target, method, path);
        try {
            AddressPolicy.check(base, resolver, target.loopbackAllowed(), limits.ownPort());
        } catch (UnknownHostException e) {
            return new ProxyOutcome.Failed(
                    ProxyOutcome.Failed.Reason.UNREACHABLE, "the name " + base.getHost() + " does not resolve", null);
        }
        GenericApiClient client = client(target, base);
        try {
            return send(target, client, base, method, path, call, 0);
        } catch (UpstreamException e) {
            return failed(target, e);
        }
    }

    private ProxyOutcome send(
            ProxyTarget target,
            GenericApiClient client,
            URI base,
            String method,
            ConfinedPath path,
            ProxyCall call,
            int hops) {
        confined(base, path);
        ApiRequest request = ApiRequest.of(method, path.pathAndQuery())
                .withBody(body(call))
                .withHeader(
                        "Accept",
                        call.accept() == null || call.accept().isBlank()
                                ? "application/json, */*;q=0.8"
                                : call.accept())
                .withTimeout(limits.timeout());
        UpstreamResponse response = client.send(request);
        int status = response.status();
        if (status >= 300 && status < 400 && response.header("Location").isPresent()) {
            if (!method.equals("GET")) {
                return answered(
                        target,
                        response,
                        call.raw()); // a redirect answering a change is the service's answer; not repeated elsewhere
            }
            if (hops >= limits.maxRedirects()) {
                return new ProxyOutcome.Failed(
                        ProxyOutcome.Failed.Reason.TOO_MANY_REDIRECTS,
                        "the service redirected more than " + limits.maxRedirects() + " times",
                        status);
            }
            ConfinedPath next = redirectTarget(
                    base,
                    URI.create(base + path.encodedPath().substring(1)),
                    response.header("Location").orElseThrow());
            if (next == null) {
                LOG.infof("Proxy %s: a redirect off the registered base was not followed", target.service());
                return new ProxyOutcome.Failed(
                        ProxyOutcome.Failed.Reason.REDIRECT_OFF_BASE,
                        "the service redirected off its registered base URL; the proxy does not follow it",
                        status);
            }
            allowed(target, method, next);
            return send(target, client, base, method, next, call, hops + 1);
        }
        return answered(target, response, call.raw());
    }

    /** The Location of a redirect as a confined path under the base, or null when it leaves the base's origin or path. */
    private static @Nullable ConfinedPath redirectTarget(URI base, URI current, String location) {
        URI to;
        try {
            to = current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        if (!AddressPolicy.sameOrigin(base, to)) {
            return null;
        }
        String prefix = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String rawPath = to.getRawPath() == null ? "" : to.getRawPath();
        if (!rawPath.startsWith(prefix)) {
            return null;
        }
        String rest = "/" + rawPath.substring(prefix.length());
        try {
            return ConfinedPath.parse(to.getRawQuery() == null ? rest : rest + "?" + to.getRawQuery(), Map.of());
        } catch (ProxyRefused e) {
            return null;
        }
    }

    private static void allowed(ProxyTarget target, String method, ConfinedPath path) {
        if (!target.allowList().permits(method, path)) {
            throw new ProxyRefused(
                    ProxyRefused.Reason.NOT_ON_ALLOW_LIST,
                    method + " " + path + " is not on the allow-list of " + target.service());
        }
    }

    /** The URL the client will build, checked once more: same origin as the base, under its path, no dot segment. */
    private static void confined(URI base, ConfinedPath path) {
        URI full;
        try {
            full = new URI(base + path.pathAndQuery().substring(1));
        } catch (URISyntaxException e) {
            throw new ProxyRefused(ProxyRefused.Reason.INVALID_PATH, "the path does not make a valid URL");
        }
        boolean sameOrigin =
                AddressPolicy.sameOrigin(base, full) && base.getRawAuthority().equals(full.getRawAuthority());
        boolean underBase = full.getRawPath().startsWith(base.getRawPath())
                && full.normalize().getRawPath().equals(full.getRawPath());
        if (!sameOrigin || !underBase) {
            throw new ProxyRefused(ProxyRefused.Reason.INVALID_PATH, "the path leaves the service's base URL");
        }
    }

    private GenericApiClient client(ProxyTarget target, URI base) {
        Cached kept = clients.get(target.service()); // every call: no lock on the map's bin when nothing changed
        if (kept != null && kept.base().equals(base) && kept.hints().equals(target.hints())) {
            kept.client().updateCredentials(target.credentials());
            return kept.client();
        }
        Cached cached = clients.compute(target.service(), (name, old) -> {
            if (old != null && old.base().equals(base) && old.hints().equals(target.hints())) {
                return old;
            }
            GenericApiClient made = GenericApiClient.builder(stack, "proxy:" + name, base)
                    .credentials(target.credentials())
                    .hints(target.hints())
                    .timeouts(limits.connectTimeout(), limits.timeout())
                    .maxResponseBytes(limits.maxResponseBytes())
                    .clock(clock)
                    .build();
            return new Cached(made, base, target.hints());
        });
        cached.client().updateCredentials(target.credentials());
        return cached.client();
    }

    private static ApiBody body(ProxyCall call) {
        if (call.body().length == 0) {
            return ApiBody.none();
        }
        String type = call.contentType() == null || call.contentType().isBlank()
                ? "application/octet-stream"
                : call.contentType();
        return ApiBody.raw(call.body(), type);
    }

    /**
     * The answer as the caller gets it. Bytes of a binary type (an image, audio, video, an archive, octet-stream), or
     * that are not UTF-8 text, are passed byte-exact as base64 and not searched for credentials. Text has every
     * credential value masked; JSON text is then checked to be one JSON value and passed as it is (not parsed into a
     * tree and written again); other text becomes a JSON string. A raw call gets base64 of the (masked) text too.
     */
    private ProxyOutcome answered(ProxyTarget target, UpstreamResponse response, boolean raw) {
        String type = response.header("Content-Type").orElse(null);
        byte[] body = response.body();
        int status = response.status();
        if (body.length == 0) {
            return new ProxyOutcome.Answered(status, null, type, false);
        }
        String text = isBinaryType(type) ? null : utf8(body);
        if (text == null || (text.indexOf('\0') >= 0 && !isTextType(type))) {
            return base64(status, body, type);
        }
        String masked = mask(text, target.credentials().secrets());
        if (raw) {
            return base64(status, masked.getBytes(StandardCharsets.UTF_8), type);
        }
        boolean jsonType = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        char first = firstNonBlank(masked);
        if ((jsonType || first == '{' || first == '[') && oneJsonValue(masked)) {
            return new ProxyOutcome.Answered(status, masked, type, false);
        }
        return new ProxyOutcome.Answered(status, quoted(masked), type, false);
    }

    private static ProxyOutcome.Answered base64(int status, byte[] body, @Nullable String type) {
        return new ProxyOutcome.Answered(status, quoted(Base64.getEncoder().encodeToString(body)), type, true);
    }

    private static String quoted(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) return c;
        }
        return ' ';
    }

    /** Exactly one JSON value, nothing after it: safe to put as it is into the answer's {@code data}. */
    private boolean oneJsonValue(String text) {
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() == null) return false;
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }

    private ProxyOutcome failed(ProxyTarget target, UpstreamException e) {
        LOG.debugf("Proxy %s: %s", target.service(), e.getMessage());
        ProxyOutcome.Failed.Reason reason = switch (e) {
            case UpstreamException.Timeout t -> ProxyOutcome.Failed.Reason.TIMEOUT;
            case UpstreamException.AuthFailed a -> ProxyOutcome.Failed.Reason.AUTH_FAILED;
            case UpstreamException.BadResponse b -> ProxyOutcome.Failed.Reason.TOO_LARGE;
            default -> ProxyOutcome.Failed.Reason.UNREACHABLE;
        };
        String message = mask(
                e.getMessage() == null ? e.reason() : e.getMessage(),
                target.credentials().secrets());
        return new ProxyOutcome.Failed(reason, message, null);
    }

    /** Every credential value, as written and as JSON writes it, replaced; values under 4 characters would mask ordinary text. */
    static String mask(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            if (s.length() < 4) {
                continue;
            }
            out = out.replace(s, MASK);
            String escaped = JsonNodeFactory.instance.textNode(s).toString();
            escaped = escaped.substring(1, escaped.length() - 1);
            if (!escaped.equals(s)) {
                out = out.replace(escaped, MASK);
            }
        }
        return out;
    }

    private static @Nullable String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Types whose bytes are never text, whatever they happen to decode as. */
    private static boolean isBinaryType(@Nullable String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("image/svg")) {
            return false; // SVG is XML text
        }
        return t.startsWith("image/")
                || t.startsWith("audio/")
                || t.startsWith("video/")
                || t.startsWith("font/")
                || t.startsWith("application/octet-stream")
                || t.startsWith("application/pdf")
                || t.startsWith("application/zip")
                || t.startsWith("application/gzip")
                || t.startsWith("application/x-bittorrent")
                || t.startsWith("application/x-tar");
    }

    private static boolean isTextType(@Nullable String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript");
    }

    private static URI baseWithSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }
}
