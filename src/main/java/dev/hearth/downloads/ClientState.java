package dev.hearth.downloads;

import dev.hearth.platform.integration.Health;
import org.jspecify.annotations.Nullable;

/** A download client as its last poll left it: health, transfer figures (null before the first good poll), task count. */
public record ClientState(
        String name, String kind, Health health, @Nullable ClientStats stats, long tasks) {}
