package dev.hearth.services;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A service's settings in force, as Moccha's {@code /services/config} shows them (host, port, enabled) and more. */
public record ServiceSettingsView(
        boolean enabled,
        String name,
        String displayName,
        String group,
        String icon,
        String url,
        @Nullable String host,
        @Nullable Integer port,
        String integration,
        String checkInterval,
        String timeout,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String discoveredFrom,
        Runtime runtime) {

    /** How it runs: the kind, and the fields of that kind only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Runtime(
            String kind,
            @Nullable String endpoint,
            @Nullable String container,
            @Nullable List<String> command,
            @Nullable String restart,
            @Nullable String stopSignal,
            @Nullable String stopTimeout,
            @Nullable Boolean autostart) {}
}
