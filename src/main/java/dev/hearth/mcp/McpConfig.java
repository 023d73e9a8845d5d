package dev.hearth.mcp;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Validated;
import java.util.List;

/**
 * The {@code mcp} section: the MCP server at {@code /mcp}, on or off, read-only (only viewer actions), and the
 * browser origins it accepts besides its own.
 */
public record McpConfig(boolean enabled, boolean readOnly, List<String> allowedOrigins) implements Validated {
    public McpConfig {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    @Override
    public void validate(Problems p) {
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String origin = allowedOrigins.get(i);
            p.check(
                    origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+"),
                    "allowed_origins[" + i + "]",
                    "'" + origin
                            + "' is not an origin like https://agent.example.org (scheme, host, optional port; no path)");
        }
    }
}
