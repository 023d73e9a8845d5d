package dev.hearth.assistant.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The assistant on {@code /metrics}: messages by outcome, model calls, tokens in and out, and their cost at the
 * configured price ({@code hearth_assistant_cost_total}, in the currency of assistant.*_cost_per_million_tokens).
 */
public final class AssistantMeters {
    private static final String CALLS = "hearth_assistant_model_calls";
    private static final String CALLS_HELP = "Calls to the language model, by outcome";
    private final MeterRegistry registry;
    private final String provider;
    private final String model;
    private final double inputPrice;
    private final double outputPrice;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public AssistantMeters(
            MeterRegistry registry, String provider, String model, double inputPerMillion, double outputPerMillion) {
        this.registry = registry;
        this.provider = provider;
        this.model = model;
        this.inputPrice = inputPerMillion / 1_000_000.0;
        this.outputPrice = outputPerMillion / 1_000_000.0;
        // present from the start, so a scrape shows zeros rather than nothing
        tokens(0, 0);
        if (!provider.equals("offline")) counter(CALLS, CALLS_HELP, "outcome", "ok");
    }

    public void message(String status) {
        counter(
                        "hearth_assistant_messages",
                        "Chat messages answered, by outcome",
                        "status",
                        status.toLowerCase(Locale.ROOT))
                .increment();
    }

    /** {@code ok}, or the failure's reason (timeout, unavailable, auth, rate_limited, bad_request, bad_response). */
    public void modelCall(String outcome) {
        counter(CALLS, CALLS_HELP, "outcome", outcome).increment();
    }

    public void tokens(long input, long output) {
        counter("hearth_assistant_tokens", "Tokens sent to and received from the language model", "direction", "input")
                .increment(input);
        counter("hearth_assistant_tokens", "Tokens sent to and received from the language model", "direction", "output")
                .increment(output);
        counter("hearth_assistant_cost", "Cost of the language model's tokens at the configured prices", null, null)
                .increment(input * inputPrice + output * outputPrice);
    }

    private Counter counter(String name, String help, @Nullable String tag, @Nullable String value) {
        String key = name + "|" + tag + "|" + value;
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name)
                    .description(help)
                    .tag("provider", provider)
                    .tag("model", model);
            if (tag != null && value != null) b.tag(tag, value);
            return b.register(registry);
        });
    }
}
