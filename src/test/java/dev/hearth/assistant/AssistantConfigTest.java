package dev.hearth.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.mcp.McpConfig;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistant and mcp sections: offline by default, every key settable by environment, every mistake named. */
class AssistantConfigTest {
    @TempDir
    Path dir;

    /** {@code settings} as they reach Hearth from the environment (HEARTH_ASSISTANT_API_KEY is hearth.assistant.api_key to MicroProfile Config). */
    HearthConfig load(String yaml, Map<String, String> settings) throws Exception {
        Path file = dir.resolve("hearth.yml");
        Files.writeString(file, yaml);
        Map<String, String> props = new HashMap<>(settings);
        props.put("hearth.config", file.toString());
        props.put("hearth.data_dir", dir.resolve("data").toString());
        return new ConfigLoader(TestConfig.environment(props, Map.of())).load();
    }

    @Test
    void theDefaultIsTheOfflineParserAndAnOpenMcpServer() throws Exception {
        HearthConfig c = load("{}", Map.of());
        assertEquals("offline", c.section(AssistantConfig.class).provider());
        assertEquals(6, c.section(AssistantConfig.class).maxTurns());
        assertTrue(c.section(McpConfig.class).enabled());
        assertEquals(false, c.section(McpConfig.class).readOnly());
    }

    @Test
    void pricesKeysAndModesComeFromTheEnvironment() throws Exception {
        HearthConfig c = load(
                "assistant: { provider: anthropic, model: claude-x }",
                Map.of(
                        "hearth.assistant.api_key",
                        "sk-ant-from-env",
                        "hearth.assistant.input_cost_per_million_tokens",
                        "2.5",
                        "hearth.mcp.read_only",
                        "true"));
        assertEquals("sk-ant-from-env", c.section(AssistantConfig.class).apiKey());
        assertEquals(2.5, c.section(AssistantConfig.class).inputCostPerMillionTokens());
        assertTrue(c.section(McpConfig.class).readOnly());
    }

    @Test
    void everyMistakeIsListedWithItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                assistant: { provider: anthropic, max_turns: 0, api_base_url: "ftp://x" }
                mcp: { allowed_origins: ["https://ok.example", "not an origin"] }
                """, Map.of()));
        String all = String.join("\n", e.problems());
        for (String key : new String[] {
            "assistant.model",
            "assistant.api_key",
            "assistant.max_turns",
            "assistant.api_base_url",
            "mcp.allowed_origins[1]"
        }) {
            assertTrue(all.contains(key), key + " missing from:\n" + all);
        }
        ConfigException other =
                assertThrows(ConfigException.class, () -> load("assistant: { provider: chatgpt }", Map.of()));
        assertTrue(
                other.problems().getFirst().contains("offline, anthropic or openai"),
                other.problems().toString());
    }
}
