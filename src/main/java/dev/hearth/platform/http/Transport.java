package dev.hearth.platform.http;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * The part of a client that sends: timeouts, retry and circuit, no auth. Shared by an
 * {@link UpstreamClient} and its raw twin (the one a {@link SessionLogin} gets), so both use the
 * same connection pool, cookie jar and circuit.
 */
final class Transport {

    /** Gateway answers: the daemon behind a proxy is restarting, worth another try. */
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);

    private final UpstreamSpec spec;
    private final HttpClient http;
    private final CookieManager cookies;
    private final Circuit circuit;
    private final ObjectReader json;

    Transport(UpstreamSpec spec, HttpClient http, CookieManager cookies, Circuit circuit, ObjectReader json) {
        this.spec = spec;
        this.http = http;
        this.cookies = cookies;
        this.circuit = circuit;
        this.json = json;
    }

    UpstreamSpec spec() {
        return spec;
    }

    CookieManager cookies() {
        return cookies;
    }

    Circuit circuit() {
        return circuit;
    }

    /**
     * Sends the request, retrying idempotent calls on unreachable, timeout and 502/503/504. Returns
     * any answer, also non-2xx; throws {@link UpstreamException} when there is none.
     */
    UpstreamResponse execute(UpstreamRequest request) {
        int maxAttempts = request.idempotent() ? spec.retry().maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            Circuit.Permit permit = circuit.acquire();
            UpstreamResponse response;
            try {
                response = once(request);
            } catch (UpstreamException.Unreachable | UpstreamException.Timeout failure) {
                if (Thread.currentThread().isInterrupted()) {
                    circuit.abandoned(permit); // we gave up, the upstream did not fail
                    throw failure;
                }
                circuit.failed(permit);
                if (!mayRetry(attempt, maxAttempts)) {
                    throw failure;
                }
                continue;
            } catch (RuntimeException bug) {
                circuit.abandoned(permit);
                throw bug;
            }
            if (response.status() >= 500) {
                circuit.failed(permit);
            } else {
                circuit.succeeded(permit);
            }
            if (!RETRYABLE_STATUS.contains(response.status()) || !mayRetry(attempt, maxAttempts)) {
                return response;
            }
        }
    }

    /**
     * Pauses before the next attempt if there is one. Stops when the circuit has opened meanwhile:
     * the caller then gets the real failure rather than a CircuitOpen that hides it.
     */
    private boolean mayRetry(int attempt, int maxAttempts) {
        if (attempt >= maxAttempts || !circuit.wouldAllow()) {
            return false;
        }
        Duration pause = Backoff.before(
                spec.retry(), attempt, ThreadLocalRandom.current().nextDouble());
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return circuit.wouldAllow();
    }

    private UpstreamResponse once(UpstreamRequest request) {
        Duration timeout = request.timeout().orElse(spec.requestTimeout());
        HttpRequest httpRequest = build(request, timeout);
        String what = request.method() + " " + request.pathWithoutQuery();
        // send, not sendAsync + get: sendAsync hands the exchange to the executor and its completion to the common
        // pool, two scheduling waits per call that send (inline until the socket must be waited on) does not make.
        // HttpRequest.timeout stops at the response headers; the body's deadline is CappedBody's, so an upstream
        // that sends headers and then stalls the body cannot hang the caller.
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<byte[]> r = http.send(httpRequest, CappedBody.handler(spec.maxResponseBytes(), deadline));
            keepCookies(httpRequest.uri(), r);
            return new UpstreamResponse(spec.name(), r.statusCode(), r.headers(), r.body(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException.Unreachable(spec.name(), what + " was interrupted before an answer came", e);
        } catch (IOException e) {
            throw translate(what, timeout, e);
        }
    }

    private RuntimeException translate(String what, Duration timeout, Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException) { // CappedBody's deadline for the body
                return timedOut(what, timeout, cause);
            }
            if (c instanceof CappedBody.TooLarge e) {
                return new UpstreamException.BadResponse(
                        spec.name(),
                        what + " answered more than " + human(e.limit) + ", the most Hearth reads from one answer of "
                                + where() + "; the answer was dropped",
                        e);
            }
        }
        return switch (cause) {
            case HttpConnectTimeoutException e ->
                new UpstreamException.Unreachable(
                        spec.name(),
                        "no connection to " + where() + " within "
                                + spec.connectTimeout().toMillis() + " ms; is it running and is the address right?",
                        e);
            case HttpTimeoutException e -> timedOut(what, timeout, e);
            case ConnectException e ->
                new UpstreamException.Unreachable(
                        spec.name(),
                        "connection to " + where() + " refused; is it running and is the address right?",
                        e);
            case UnresolvedAddressException e ->
                new UpstreamException.Unreachable(
                        spec.name(), "cannot resolve the host of " + where() + "; check the address", e);
            case IOException e ->
                new UpstreamException.Unreachable(
                        spec.name(),
                        what + " failed on the connection to " + where() + " ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            case RuntimeException e -> e; // a bad header or URL: a bug in the caller, not the upstream
            default -> new IllegalStateException("unexpected failure calling " + spec.name(), cause);
        };
    }

    private UpstreamException.Timeout timedOut(String what, Duration timeout, Throwable cause) {
        return new UpstreamException.Timeout(
                spec.name(),
                what + " got no complete answer within " + timeout.toMillis()
                        + " ms; the service is overloaded or hung",
                cause);
    }

    private static String human(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /**
     * This upstream's cookies on the request, as the JDK client's own cookie handler would put them: the
     * jar is this upstream's, the HTTP client under it is shared (see {@link HttpStack}).
     */
    private void sendCookies(URI uri, HttpRequest.Builder b) {
        try {
            for (Map.Entry<String, List<String>> e : cookies.get(uri, Map.of()).entrySet()) {
                if (e.getKey().equalsIgnoreCase("Cookie") && !e.getValue().isEmpty()) {
                    b.setHeader("Cookie", String.join("; ", e.getValue()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a jar that cannot answer sends no cookie; the upstream then asks for a login, which is handled
        }
    }

    private void keepCookies(URI uri, HttpResponse<?> response) {
        try {
            cookies.put(uri, response.headers().map());
        } catch (IOException | IllegalArgumentException e) {
            // a malformed Set-Cookie is ignored, as the JDK client's own cookie handler ignores it
        }
    }

    private String where() {
        URI base = spec.baseUrl();
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private HttpRequest build(UpstreamRequest request, Duration timeout) {
        URI uri = Urls.join(spec.baseUrl(), request.path(), request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        spec.defaultHeaders().forEach(b::setHeader);
        request.headers().forEach(b::setHeader);
        sendCookies(uri, b);
        String contentType = request.contentType();
        if (contentType != null) {
            b.setHeader("Content-Type", contentType);
        }
        boolean bodyless = request.body().length == 0
                && Set.of("GET", "HEAD", "DELETE", "OPTIONS").contains(request.method());
        b.method(
                request.method(),
                bodyless
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return b.build();
    }
}
