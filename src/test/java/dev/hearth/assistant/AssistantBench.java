package dev.hearth.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.assistant.internal.AssistantMeters;
import dev.hearth.assistant.internal.IntentParser;
import dev.hearth.assistant.internal.Planner;
import dev.hearth.assistant.internal.ToolLoop;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.security.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * bench/assistant.sh runs this ({@code -Dtest=AssistantBench}; the name keeps it out of the normal suite) and puts
 * target/bench-assistant.md into docs/benchmarks.md: the offline parser's latency per command over the whole phrasing
 * table, a whole offline turn through the catalog, and the model loop's own cost per turn with a model that answers
 * at once (so the figure is Hearth's overhead, excluding the model).
 */
@QuarkusTest
@TestProfile(AssistantProfile.class)
class AssistantBench {
    static final int WARM = 300;
    static final int RUNS = 2000;

    @Inject
    Assistant assistant;

    @Inject
    ActionCatalog catalog;

    @Inject
    ActionTools tools;

    @Inject
    ObjectMapper json;

    record Figures(String what, int samples, double p50, double p99, double max) {}

    static Figures measure(String what, int warm, int runs, Runnable work) {
        for (int i = 0; i < warm; i++) work.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Figures(what, runs, ms[runs / 2], ms[(int) Math.ceil(runs * 0.99) - 1], ms[runs - 1]);
    }

    static List<String> phrasings() throws IOException {
        try (InputStream in = AssistantBench.class.getResourceAsStream("/dev/hearth/assistant/phrasings.tsv")) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                out.add(line.split("\t", 2)[0].replaceFirst("^media:", ""));
            }
            return out;
        }
    }

    @Test
    void measure() throws IOException {
        List<String> all = phrasings();
        Planner planner = new Planner(
                dev.hearth.assistant.internal.OfflineParserTest.WORLD,
                dev.hearth.assistant.internal.OfflineParserTest.WITHOUT_MEDIA);
        List<Figures> parser = new ArrayList<>();
        // every phrasing on its own, then the worst of them named
        Map<String, Figures> each = new LinkedHashMap<>();
        for (String p : all) each.put(p, measure(p, 100, 1000, () -> planner.plan(IntentParser.parse(p))));
        AtomicInteger i = new AtomicInteger();
        parser.add(measure(
                "all " + all.size() + " phrasings, round robin",
                WARM,
                RUNS * 5,
                () -> planner.plan(IntentParser.parse(all.get(i.getAndIncrement() % all.size())))));
        List<Figures> worst = each.values().stream()
                .sorted((a, b) -> Double.compare(b.p99(), a.p99()))
                .limit(5)
                .toList();

        Caller operator = new Caller("key:bench", "bench", Role.OPERATOR, Caller.Method.API_KEY);
        List<Figures> turns = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        for (String text : List.of("list services", "what is downloading?", "alerts", "is plex running?")) {
            turns.add(measure(
                    "offline turn: \"" + text + "\"",
                    50,
                    500,
                    () -> assistant.handle(
                            new Turn(operator, "chat", "bench-" + n.incrementAndGet() % 50, text, null))));
        }
        // the model loop with a model that answers at once: one tool call, then the answer
        LlmProvider instant = new LlmProvider() {
            public String name() {
                return "instant";
            }

            public String model() {
                return "none";
            }

            public LlmReply complete(LlmRequest request) {
                boolean answered = request.messages().getLast() instanceof LlmMessage.ToolResults;
                return answered
                        ? new LlmReply("Here it is.", List.of(), LlmReply.StopReason.END, 1000, 10, null)
                        : new LlmReply(
                                "",
                                List.of(new LlmMessage.ToolCall(
                                        "t1", "services_list", JsonNodeFactory.instance.objectNode())),
                                LlmReply.StopReason.TOOL_USE,
                                1000,
                                10,
                                null);
            }
        };
        ToolLoop loop = new ToolLoop(
                instant,
                tools,
                catalog,
                json,
                new AssistantMeters(new SimpleMeterRegistry(), "instant", "none", 0, 0),
                6,
                1024,
                Clock.systemUTC());
        Supplier<Object> modelTurn = () -> loop.run(operator, "which services are there?", List.of(), false);
        turns.add(measure("model turn, model excluded (1 tool call + answer)", 50, 500, modelTurn::get));

        StringBuilder md = new StringBuilder();
        md.append("| offline parser + planner | samples | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (Figures f : parser) row(md, f);
        long over = each.values().stream().filter(f -> f.p99() > 5).count();
        md.append("\nEach phrasing on its own, 1000 runs after 100 to warm up: ")
                .append(over)
                .append(" of ")
                .append(each.size())
                .append(" have a p99 above 5 ms. The five with the highest p99:\n\n");
        md.append("| phrasing | samples | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (Figures f : worst) row(md, f);
        md.append(
                "\n| whole turn (in-process, catalog and audit included) | samples | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
        for (Figures f : turns) row(md, f);
        Files.writeString(Path.of("target/bench-assistant.md"), md.toString());
    }

    static void row(StringBuilder md, Figures f) {
        md.append(String.format(
                java.util.Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f |%n",
                f.what().replace("|", "\\|"),
                f.samples(),
                f.p50(),
                f.p99(),
                f.max()));
    }
}
