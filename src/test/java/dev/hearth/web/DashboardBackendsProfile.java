package dev.hearth.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hearth with backends the browser tests act on: a fake download client ({@code fakebit}, the downloads
 * feature's test double) polled every second. Its own data dir per JVM.
 */
public class DashboardBackendsProfile implements QuarkusTestProfile {
    static final Path DIR = Path.of("target/test-dashboard/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hearth.data_dir", DIR.resolve("data").toString(),
                "hearth.downloads.poll_interval", "1s",
                "hearth.services", "[{\"name\": \"fakebit\", \"url\": \"http://127.0.0.1:9\", \"integration\": \"fake-torrent\"}]");
    }
}
