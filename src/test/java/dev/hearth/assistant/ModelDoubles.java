package dev.hearth.assistant;

import dev.hearth.fakes.FakeAnthropic;
import dev.hearth.fakes.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the model doubles on loopback and points Hearth's assistant at one of them ({@code provider} arg): the same
 * client code that talks to the real APIs talks to these. Prices are set so the cost counter moves.
 */
public class ModelDoubles implements QuarkusTestResourceLifecycleManager {
    public static final String ANTHROPIC_KEY = "sk-ant-test-0123456789abcdefSECRET";
    public static final String OPENAI_KEY = "sk-openai-test-0123456789SECRET";
    public static FakeAnthropic anthropic;
    public static FakeOpenAi openai;
    private String provider = "anthropic";

    @Override
    public void init(Map<String, String> args) {
        provider = args.getOrDefault("provider", "anthropic");
    }

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> c = new HashMap<>(Map.of(
                    "hearth.assistant.provider", provider,
                    "hearth.assistant.timeout", "3s",
                    "hearth.assistant.input_cost_per_million_tokens", "3",
                    "hearth.assistant.output_cost_per_million_tokens", "15"));
            if (provider.equals("anthropic")) {
                anthropic = new FakeAnthropic(ANTHROPIC_KEY);
                c.put("hearth.assistant.model", "claude-test-1");
                c.put("hearth.assistant.api_key", ANTHROPIC_KEY);
                c.put("hearth.assistant.api_base_url", anthropic.url());
            } else {
                openai = new FakeOpenAi(OPENAI_KEY);
                c.put("hearth.assistant.model", "llama3.1:8b");
                c.put("hearth.assistant.api_key", OPENAI_KEY);
                c.put("hearth.assistant.api_base_url", openai.url() + "/v1");
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (anthropic != null) anthropic.close();
        if (openai != null) openai.close();
    }
}
