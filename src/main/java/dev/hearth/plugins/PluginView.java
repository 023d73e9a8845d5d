package dev.hearth.plugins;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A plugin as the list shows it. {@code enabled} is whether it runs now; {@code state} says why not:
 * {@code enabled}, {@code disabled} (the owner's choice) or {@code failed} (it threw at load or at run: {@code error}).
 *
 * @param provides what it adds: {@code action:<id>}, {@code notifier:<type>}, {@code integration:<id>}
 */
public record PluginView(
        String name,
        String version,
        String description,
        boolean enabled,
        String state,
        @Nullable String error,
        String file,
        List<String> provides) {}
