package dev.hearth.platform.config;

import static dev.hearth.platform.config.ConfigValidator.check;
import static dev.hearth.platform.config.ConfigValidator.isHttpUrl;
import static dev.hearth.platform.config.ConfigValidator.positive;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** The {@code assistant} and {@code mcp} sections' rules, kept together so the sections can move as one. */
final class AssistantValidator {
    private static final Set<String> PROVIDERS = Set.of("offline", "anthropic", "openai");

    private AssistantValidator() {}

    static void validate(HearthConfig.Assistant a, HearthConfig.Mcp mcp, List<String> p) {
        if (!PROVIDERS.contains(a.provider())) {
            p.add("assistant.provider: must be offline, anthropic or openai (got '" + a.provider() + "')");
        } else if (!a.provider().equals("offline")) {
            check(p, !a.model().isBlank(), "assistant.model", "must name the model (e.g. the provider's model id) when provider is " + a.provider());
            // an Anthropic key is required; OpenAI-compatible servers on the LAN (Ollama, llama.cpp) often take none
            check(p, !a.provider().equals("anthropic") || !a.apiKey().isBlank(), "assistant.api_key",
                    "must be set for provider anthropic (use ${ANTHROPIC_API_KEY})");
        }
        check(p, a.apiBaseUrl().isEmpty() || isHttpUrl(a.apiBaseUrl()) && URI.create(a.apiBaseUrl()).getRawQuery() == null
                && URI.create(a.apiBaseUrl()).getRawUserInfo() == null, "assistant.api_base_url",
                "must be an http:// or https:// URL without user info or query (or empty for the provider's own)");
        check(p, a.maxTurns() >= 1 && a.maxTurns() <= 20, "assistant.max_turns", "must be between 1 and 20");
        check(p, a.maxTokens() >= 64 && a.maxTokens() <= 32_000, "assistant.max_tokens", "must be between 64 and 32000");
        check(p, a.timeout() != null && !a.timeout().isNegative() && !a.timeout().isZero() && a.timeout().toMinutes() <= 10,
                "assistant.timeout", "must be a positive duration of at most 10m");
        check(p, a.memoryTurns() >= 0 && a.memoryTurns() <= 200, "assistant.memory_turns", "must be between 0 and 200");
        check(p, a.maxConversations() >= 1 && a.maxConversations() <= 10_000, "assistant.max_conversations", "must be between 1 and 10000");
        positive(p, a.confirmationTtl(), "assistant.confirmation_ttl");
        check(p, a.inputCostPerMillionTokens() >= 0, "assistant.input_cost_per_million_tokens", "must not be negative");
        check(p, a.outputCostPerMillionTokens() >= 0, "assistant.output_cost_per_million_tokens", "must not be negative");
        for (int i = 0; i < mcp.allowedOrigins().size(); i++) {
            String origin = mcp.allowedOrigins().get(i);
            check(p, origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+"), "mcp.allowed_origins[" + i + "]",
                    "'" + origin + "' is not an origin like https://agent.example.org (scheme, host, optional port; no path)");
        }
    }
}
