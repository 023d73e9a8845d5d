package dev.hearth.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpStack#client}: upstreams share one JDK client (one selector thread, one pool) yet keep their own headers
 * and cookie jars: what one of them sets in a cookie reaches no other.
 */
class SharedClientTest {
    private UpstreamDouble a;
    private UpstreamDouble b;
    private HttpStack stack;

    @BeforeEach
    void start() throws IOException {
        a = UpstreamDouble.start();
        b = UpstreamDouble.start();
        a.on("/api", (ex, r) -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=of-a; Path=/");
            UpstreamDouble.reply(ex, 200, "{}");
        });
        b.json("/api", 200, "{}");
        stack = new HttpStack(new ObjectMapper(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
        a.close();
        b.close();
    }

    private UpstreamClient shared(String name, UpstreamDouble upstream, String key) {
        return stack.client(
                UpstreamSpec.of(name, upstream.baseUrl()).withAuth(AuthStrategy.apiKeyHeader("X-Api-Key", key)));
    }

    @Test
    void eachUpstreamSendsItsOwnKeyAndNoCookieCrossesOver() {
        UpstreamClient first = shared("a", a, "key-of-a");
        UpstreamClient second = shared("b", b, "key-of-b");

        first.get("/api");
        second.get("/api");
        first.get("/api");

        a.requests("/api").forEach(seen -> assertEquals("key-of-a", seen.header("X-Api-Key")));
        assertEquals("key-of-b", b.last("/api").header("X-Api-Key"));
        assertNull(b.last("/api").header("Cookie"), "b never sees a's cookie");
        assertEquals("session=of-a", a.last("/api").header("Cookie"), "a's own jar keeps a's cookie");
    }

    @Test
    void tenUpstreamsCostOneSelectorThread() {
        long before = selectorThreads();
        List<UpstreamClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) clients.add(shared("svc" + i, i % 2 == 0 ? a : b, "k" + i));
        clients.forEach(c -> c.get("/api"));

        long added = selectorThreads() - before;
        assertTrue(added <= 1, "selector threads added for ten upstreams: " + added);
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("SelectorManager"))
                .count();
    }
}
