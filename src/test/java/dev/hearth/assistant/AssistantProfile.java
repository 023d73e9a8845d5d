package dev.hearth.assistant;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Hearth with things to talk about: a supervised program posing as "plex" (a real process Hearth starts, stops and
 * restarts), a fake download client {@code fakebit} polled only when a test asks, a "movies" category, and the
 * offline assistant. Subclasses add a model provider. Its own data dir per JVM and profile.
 */
public class AssistantProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = Path.of("target/test-assistant/" + getClass().getSimpleName() + "-"
                        + ProcessHandle.current().pid())
                .toAbsolutePath();
        Map<String, String> c = new HashMap<>(
                Map.of(
                        "hearth.data_dir",
                        dir.resolve("data").toString(),
                        "hearth.downloads.poll_interval",
                        "1h",
                        "hearth.downloads.categories",
                        "{\"movies\": {\"save_path\": \"" + dir.resolve("downloads/movies") + "\"}}",
                        "hearth.services",
                        "[{\"name\": \"fakebit\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-torrent\"},"
                                + " {\"name\": \"plex\", \"display_name\": \"Plex Media Server\", \"runtime\": {\"process\":"
                                + " {\"command\": [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 0.2; done\"], \"stop_timeout\": \"2s\"}}}]"));
        c.putAll(extra());
        return c;
    }

    protected Map<String, String> extra() {
        return Map.of();
    }
}
