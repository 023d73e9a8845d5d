package dev.hearth.mcp;

import dev.hearth.platform.config.ConfigSection;
import java.util.List;

/** Registers the {@code mcp} section of hearth.yml (META-INF/services). */
public final class McpSection implements ConfigSection<McpConfig> {
    @Override
    public String key() {
        return "mcp";
    }

    @Override
    public Class<McpConfig> type() {
        return McpConfig.class;
    }

    @Override
    public McpConfig defaults() {
        return new McpConfig(true, false, List.of());
    }
}
