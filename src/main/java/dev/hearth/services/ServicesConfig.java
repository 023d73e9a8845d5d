package dev.hearth.services;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.hearth.platform.config.NotChangeableAtRunTime;
import java.util.List;

/** The {@code services} list of hearth.yml. Edited at run time under /api/v1/services, never through the config API. */
@NotChangeableAtRunTime(reason = "services are edited under /api/v1/services")
public record ServicesConfig(@JsonValue List<ServiceEntry> services) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ServicesConfig {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
