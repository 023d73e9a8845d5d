package dev.hearth.media.api;

import dev.hearth.fakes.media.FakeArr;
import dev.hearth.fakes.media.FakeArrV1;
import dev.hearth.fakes.media.FakeMediaService;
import dev.hearth.fakes.media.FakeOverseerr;
import dev.hearth.fakes.media.FakePlex;
import dev.hearth.fakes.media.FakeProwlarr;
import dev.hearth.fakes.media.FakeTautulli;
import dev.hearth.fakes.media.FakeTorznab;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hearth with the media doubles bound as services: Plex, Radarr, Lidarr (no Readarr), Overseerr, a Torznab feed, Prowlarr and Tautulli. What each double
 * received is handed to the test through the system properties ({@code hearth.media-test.<service>}, a JDK
 * {@link List}): the test class and this resource may sit in different class loaders.
 */
public class MediaBackendsProfile implements QuarkusTestProfile {
    static final String ARR_SECRET = "arr-webhook-secret-0123456789";
    static final Path DIR =
            Path.of("target/test-media/" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hearth.data_dir", DIR.resolve("data").toString(), "hearth.media.webhooks.arr", ARR_SECRET);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Doubles.class));
    }

    @SuppressWarnings("unchecked")
    static List<String> received(String service) {
        Object list = System.getProperties().get("hearth.media-test." + service);
        if (!(list instanceof List<?> l)) throw new IllegalStateException("no double " + service);
        return (List<String>) l;
    }

    public static class Doubles implements QuarkusTestResourceLifecycleManager {
        private final List<FakeMediaService> started = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                String services = List.of(
                                entry("plex", "plex", keep("plex", new FakePlex())),
                                entry("radarr", "radarr", keep("radarr", new FakeArr(FakeArr.App.RADARR))),
                                entry("lidarr", "lidarr", keep("lidarr", new FakeArrV1(FakeArrV1.App.LIDARR))),
                                entry("overseerr", "overseerr", keep("overseerr", new FakeOverseerr())),
                                entry("prowlarr", "prowlarr", keep("prowlarr", new FakeProwlarr())),
                                entry("tautulli", "tautulli", keep("tautulli", new FakeTautulli())),
                                entry(
                                        "jackett",
                                        "torznab",
                                        keep("jackett", new FakeTorznab(FakeTorznab.Refusal.HTTP_401))))
                        .stream()
                        .collect(Collectors.joining(", ", "[", "]"));
                return Map.of("hearth.services", services);
            } catch (IOException e) {
                stop();
                throw new UncheckedIOException(e);
            }
        }

        private FakeMediaService keep(String name, FakeMediaService fake) {
            started.add(fake);
            System.getProperties().put("hearth.media-test." + name, fake.received);
            return fake;
        }

        private static String entry(String name, String kind, FakeMediaService fake) {
            String credentials = fake.credentials().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{", "}"));
            return "{\"name\": \"" + name + "\", \"url\": \"" + fake.baseUrl() + "\", \"integration\": \"" + kind
                    + "\", \"group\": \"Media\", \"credentials\": " + credentials + "}";
        }

        @Override
        public void stop() {
            for (FakeMediaService f : started) f.close();
            started.clear();
            System.getProperties().keySet().removeIf(k -> k.toString().startsWith("hearth.media-test."));
        }
    }
}
