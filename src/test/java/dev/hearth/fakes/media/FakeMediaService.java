package dev.hearth.fakes.media;

import dev.hearth.fakes.FakeHttp;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every media double shares: the credentials it accepts (checked the way its upstream checks them),
 * an outage switch (every call answers that status, e.g. 503 while the app restarts), a slow full
 * refresh, and the refreshes and commands it received. Subclasses render {@link MediaScenario} in
 * their upstream's shapes.
 */
public abstract class FakeMediaService extends FakeHttp {
    private volatile int outage;
    private volatile Duration slowRefresh = Duration.ZERO;
    private volatile Duration slowSearch = Duration.ZERO;
    public final List<String> received = new CopyOnWriteArrayList<>();

    protected FakeMediaService() throws IOException {}

    /** The credentials map of a service this double accepts. */
    public abstract Map<String, String> credentials();

    /** The same credentials with a wrong key. */
    public abstract Map<String, String> wrongCredentials();

    /** The URL a service points at; the root unless the upstream lives under a path. */
    public String baseUrl() {
        return url() + "/";
    }

    /** Every later call answers {@code status} (0 ends the outage). */
    public void outage(int status) {
        this.outage = status;
    }

    /** A refresh takes this long before it answers. */
    public void slowRefresh(Duration d) {
        this.slowRefresh = d;
    }

    /** A search takes this long before it answers (an indexer that is slow to reply). */
    public void slowSearch(Duration d) {
        this.slowSearch = d;
    }

    protected abstract boolean authorised(Request r);

    protected abstract Reply unauthorised(Request r);

    protected abstract Reply route(Request r);

    /** Paths the upstream serves without credentials. */
    protected boolean isPublic(Request r) {
        return false;
    }

    @Override
    protected final Reply handle(Request r) {
        if (outage != 0) return new Reply(outage, "text/plain", "Service Unavailable");
        if (!isPublic(r) && !authorised(r)) return unauthorised(r);
        return route(r);
    }

    /** Waits as a slow upstream does (the double's own delay, not a test hoping for timing). */
    protected void refreshing() {
        pause(slowRefresh);
    }

    protected void searching() {
        pause(slowSearch);
    }

    private static void pause(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static Map<String, String> query(Request r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.query() == null) return out;
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(k, v, (a, b) -> a + "," + b);
        }
        return out;
    }

    /** A JSON object with its keys in order; values may be null. */
    protected static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    protected static Reply json(Object body) {
        return Reply.json(200, body);
    }

    protected static Reply status(int code) {
        return new Reply(code, "text/plain", "");
    }
}
