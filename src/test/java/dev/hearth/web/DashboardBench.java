package dev.hearth.web;

import dev.hearth.platform.security.Role;
import dev.hearth.platform.security.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * bench/dashboard.sh runs this with -Dhearth.bench=true: the overview's first load with a session cookie and an
 * empty browser cache, timed by Chromium's own Navigation and Resource Timing, written to
 * target/bench-dashboard.md. Not part of CI: performance is measured, never asserted in tests.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "hearth.bench", matches = "true")
class DashboardBench {
    static final int RUNS = Integer.getInteger("hearth.bench.runs", 7);

    @TestHTTPResource("/")
    URI base;

    @Inject
    UserService users;

    record Load(
            long transferBytes,
            long bodyBytes,
            int requests,
            double domInteractive,
            double domContentLoaded,
            double loadEventEnd,
            double ready) {}

    @Test
    void overviewFirstLoad() throws IOException {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, "correct horse battery", Role.ADMIN);
        List<Load> loads = new ArrayList<>();
        List<String> resources = List.of();
        try (Browser browser = new Browser(base)) {
            browser.login(name, "correct horse battery");
            for (int i = 0; i < RUNS + 1; i++) {
                browser.driver().get("about:blank");
                ((org.openqa.selenium.chromium.HasCdp) browser.driver())
                        .executeCdpCommand("Network.clearBrowserCache", Map.of());
                browser.open("/#/overview");
                browser.waitReady("overview");
                // let late fetches (the overview's sections) finish before reading the entries
                browser.waitFor(
                        java.time.Duration.ofSeconds(5),
                        d -> (Boolean)
                                browser.js(
                                        "return performance.getEntriesByType('resource').every(r => r.responseEnd > 0) && document.readyState === 'complete'"));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.js("""
                        const nav = performance.getEntriesByType('navigation')[0];
                        const res = performance.getEntriesByType('resource');
                        const ready = performance.getEntriesByName('hearth-ready')[0];
                        return { transfer: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),
                                 body: nav.encodedBodySize + res.reduce((s, r) => s + r.encodedBodySize, 0),
                                 requests: 1 + res.length, interactive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd,
                                 load: nav.loadEventEnd, ready: ready ? ready.startTime : -1,
                                 list: res.map(r => r.name.replace(location.origin, '').replace(/[?].*/, '') + ' ' + r.transferSize + ' B') };""");
                Load load = new Load(
                        num(m.get("transfer")).longValue(),
                        num(m.get("body")).longValue(),
                        num(m.get("requests")).intValue(),
                        num(m.get("interactive")).doubleValue(),
                        num(m.get("dcl")).doubleValue(),
                        num(m.get("load")).doubleValue(),
                        num(m.get("ready")).doubleValue());
                if (i > 0)
                    loads.add(load); // the first load warms the server's JIT; the browser cache is empty every time
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) m.get("list");
                resources = list;
            }
            browser.assertNoConsoleErrors();
        }
        Load med = median(loads);
        Load worst = loads.stream().max(Comparator.comparingDouble(Load::ready)).orElseThrow();
        StringBuilder md = new StringBuilder();
        md.append("| Measure (median of ")
                .append(loads.size())
                .append(" cold-cache loads) | Result | Worst | Target |\n|---|---:|---:|---|\n");
        md.append(row(
                "Bytes over the wire (navigation + every resource and API call, headers included)",
                kb(med.transferBytes()),
                kb(worst.transferBytes()),
                "≤ 300 KB"));
        md.append(row("Body bytes (encoded)", kb(med.bodyBytes()), kb(worst.bodyBytes()), ""));
        md.append(row("Requests", String.valueOf(med.requests()), String.valueOf(worst.requests()), ""));
        md.append(row("domInteractive", ms(med.domInteractive()), ms(worst.domInteractive()), "≤ 1000 ms"));
        md.append(row("DOMContentLoaded end", ms(med.domContentLoaded()), ms(worst.domContentLoaded()), ""));
        md.append(row("loadEventEnd", ms(med.loadEventEnd()), ms(worst.loadEventEnd()), ""));
        md.append(row(
                "Overview drawn with its data (`hearth-ready` mark)", ms(med.ready()), ms(worst.ready()), "≤ 1000 ms"));
        md.append("\nResources of the last load: ")
                .append(String.join(
                        ", ", resources.stream().map(r -> "`" + r + "`").toList()))
                .append(".\n");
        Files.writeString(Path.of("target", "bench-dashboard.md"), md);
        System.out.println(md);
    }

    private static Number num(Object o) {
        return o instanceof Number n ? n : 0;
    }

    private static Load median(List<Load> loads) {
        return new Load(
                med(loads, l -> l.transferBytes()),
                med(loads, l -> l.bodyBytes()),
                (int) med(loads, l -> l.requests()),
                med(loads, l -> (long) l.domInteractive()),
                med(loads, l -> (long) l.domContentLoaded()),
                med(loads, l -> (long) l.loadEventEnd()),
                med(loads, l -> (long) l.ready()));
    }

    private static long med(List<Load> loads, java.util.function.ToLongFunction<Load> f) {
        long[] v = loads.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static String row(String what, String value, String worst, String target) {
        return "| " + what + " | **" + value + "** | " + worst + " | " + target + " |\n";
    }

    private static String kb(long bytes) {
        return String.format("%.1f KB", bytes / 1024.0);
    }

    private static String ms(double v) {
        return String.format("%.0f ms", v);
    }
}
