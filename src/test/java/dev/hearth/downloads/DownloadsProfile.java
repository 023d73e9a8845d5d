package dev.hearth.downloads;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hearth with two fake download clients — {@code fakebit} (a torrent client) and {@code fakearia} (posing
 * as aria2) — a "movies" category with a library, and a poll interval long enough that tests poll when
 * they choose. Its own data dir per JVM, so task counts start from nothing.
 */
public class DownloadsProfile implements QuarkusTestProfile {
    static final Path DIR =
            Path.of("target/test-downloads/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir",
                DIR.resolve("data").toString(),
                "hearth.downloads.poll_interval",
                "1h",
                "hearth.downloads.completion.mode",
                "move",
                "hearth.downloads.categories",
                "{\"movies\": {\"save_path\": \"" + DIR.resolve("downloads/movies") + "\", \"library_path\": \""
                        + DIR.resolve("library/movies") + "\"}}",
                "hearth.services",
                "[{\"name\": \"fakebit\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-torrent\"},"
                        + " {\"name\": \"fakearia\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-links\","
                        + " \"credentials\": {\"kind\": \"aria2\"}}]");
    }
}
