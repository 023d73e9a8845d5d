package dev.hearth.services.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.platform.config.ConfigService;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link DockerEndpoints} for the application, built from {@code docker.endpoints}, closed at shutdown. */
@Singleton
public class DockerEndpointsProducer {
    @Produces
    @Singleton
    DockerEndpoints endpoints(ConfigService config, ObjectMapper json) {
        return DockerEndpoints.from(config, json);
    }

    @Produces
    @Singleton
    ComposeProjects compose(DockerEndpoints endpoints) {
        return new ComposeProjects(endpoints);
    }

    void close(@Disposes DockerEndpoints endpoints) {
        endpoints.close();
    }
}
