package dev.hearth.admin;

import dev.hearth.platform.config.ByteSize;
import dev.hearth.platform.config.ConfigSection;
import java.time.Duration;
import java.util.List;

/** Registers the {@code remote_admin} section of hearth.yml (META-INF/services): off, and the limits it would use when on. */
public final class RemoteAdminSection implements ConfigSection<RemoteAdminConfig> {
    @Override
    public String key() {
        return "remote_admin";
    }

    @Override
    public Class<RemoteAdminConfig> type() {
        return RemoteAdminConfig.class;
    }

    @Override
    public RemoteAdminConfig defaults() {
        return new RemoteAdminConfig(
                false,
                false,
                false,
                "",
                List.of(),
                "nobody",
                "/usr/bin/python3",
                List.of(),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                ByteSize.parse("1MB"),
                ByteSize.parse("10MB"),
                256,
                2,
                20,
                Duration.ofHours(1),
                Duration.ofDays(30));
    }
}
