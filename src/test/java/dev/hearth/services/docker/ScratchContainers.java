package dev.hearth.services.docker;

import dev.hearth.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Containers a test creates on the shared engine, all force-removed afterwards. */
final class ScratchContainers implements AutoCloseable {

    private final DockerEngineClient client;
    private final List<String> ids = new ArrayList<>();

    ScratchContainers(DockerEngineClient client) {
        this.client = client;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates without starting. */
    String create(String name, ContainerSpec spec) {
        String id = client.createContainer(name, spec);
        ids.add(id);
        return id;
    }

    String run(String name, ContainerSpec spec) {
        String id = create(name, spec);
        client.start(id);
        return id;
    }

    /** Waits until the container has exited by itself, and returns what inspect then says. */
    ContainerDetails awaitExit(String id) {
        return Await.until(Duration.ofSeconds(15), "container " + id + " to exit", () -> {
            ContainerDetails d = client.inspect(id);
            return d.running() || d.finishedAt() == null ? null : d;
        });
    }

    @Override
    public void close() {
        for (String id : ids) {
            try {
                client.remove(id, true);
            } catch (DockerException.NotFound alreadyGone) {
                // the test removed it itself
            }
        }
    }
}
