package dev.hearth.assistant;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Secret;
import dev.hearth.platform.config.Validated;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code assistant} section: the chat assistant behind every chat door (docs/configuration.md,
 * "Assistant"): the offline parser, or an LLM that calls the action catalog's tools. Costs are per million
 * tokens, in the currency of your bill. Read once at start (the model client is made then), hence restart.
 */
@RestartRequired
public record AssistantConfig(
        String provider,
        String model,
        String apiBaseUrl,
        @Secret String apiKey,
        int maxTurns,
        int maxTokens,
        Duration timeout,
        int memoryTurns,
        int maxConversations,
        Duration confirmationTtl,
        double inputCostPerMillionTokens,
        double outputCostPerMillionTokens)
        implements Validated {

    private static final Set<String> PROVIDERS = Set.of("offline", "anthropic", "openai");

    public AssistantConfig {
        provider = provider == null || provider.isBlank() ? "offline" : provider;
        model = model == null ? "" : model;
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl;
        apiKey = apiKey == null ? "" : apiKey;
    }

    @Override
    public void validate(Problems p) {
        if (!PROVIDERS.contains(provider)) {
            p.add("provider", "must be offline, anthropic or openai (got '" + provider + "')");
        } else if (!provider.equals("offline")) {
            p.check(
                    !model.isBlank(),
                    "model",
                    "must name the model (e.g. the provider's model id) when provider is " + provider);
            // an Anthropic key is required; OpenAI-compatible servers on the LAN (Ollama, llama.cpp) often take none
            p.check(
                    !provider.equals("anthropic") || !apiKey.isBlank(),
                    "api_key",
                    "must be set for provider anthropic (use ${ANTHROPIC_API_KEY})");
        }
        p.check(
                apiBaseUrl.isEmpty()
                        || Problems.isHttpUrl(apiBaseUrl)
                                && URI.create(apiBaseUrl).getRawQuery() == null
                                && URI.create(apiBaseUrl).getRawUserInfo() == null,
                "api_base_url",
                "must be an http:// or https:// URL without user info or query (or empty for the provider's own)");
        p.check(maxTurns >= 1 && maxTurns <= 20, "max_turns", "must be between 1 and 20");
        p.check(maxTokens >= 64 && maxTokens <= 32_000, "max_tokens", "must be between 64 and 32000");
        p.check(
                timeout != null && !timeout.isNegative() && !timeout.isZero() && timeout.toMinutes() <= 10,
                "timeout",
                "must be a positive duration of at most 10m");
        p.check(memoryTurns >= 0 && memoryTurns <= 200, "memory_turns", "must be between 0 and 200");
        p.check(
                maxConversations >= 1 && maxConversations <= 10_000,
                "max_conversations",
                "must be between 1 and 10000");
        p.positive(confirmationTtl, "confirmation_ttl");
        p.check(inputCostPerMillionTokens >= 0, "input_cost_per_million_tokens", "must not be negative");
        p.check(outputCostPerMillionTokens >= 0, "output_cost_per_million_tokens", "must not be negative");
    }
}
