package dev.hearth.fakes.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For bench/media-page.sh: ten media doubles on loopback (two Plex, Jellyfin, Emby, Sonarr, Radarr, Prowlarr, a
 * Torznab feed, Overseerr, Tautulli), their {@code services:} block written as YAML to the file named by the first
 * argument; they serve until this process is stopped.
 */
public final class MediaDoublesMain {
    private static final List<String> KINDS = List.of(
            "plex", "plex", "jellyfin", "emby", "sonarr", "radarr", "prowlarr", "torznab", "overseerr", "tautulli");

    private MediaDoublesMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) throw new IllegalArgumentException("usage: MediaDoublesMain <services.yml to write>");
        List<FakeMediaService> started = new ArrayList<>();
        String entries = startAll(started);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(FakeMediaService::close)));
        Files.writeString(Path.of(args[0]), "services:\n" + entries);
        System.out.println("ready");
        Thread.currentThread().join();
    }

    /**
     * Starts the ten doubles, adding each to {@code started}, and answers their {@code services:} entries for
     * hearth.yml (without the {@code services:} line, so a caller can add entries of its own).
     */
    public static String startAll(List<FakeMediaService> started) throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < KINDS.size(); i++) {
            String kind = KINDS.get(i);
            FakeMediaService fake = MediaDoubles.start(kind);
            started.add(fake);
            String credentials = fake.credentials().entrySet().stream()
                    .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{ ", " }"));
            yaml.append("  - { name: ")
                    .append(kind)
                    .append(i)
                    .append(", url: \"")
                    .append(fake.baseUrl())
                    .append("\", integration: ")
                    .append(kind)
                    .append(", group: Media, credentials: ")
                    .append(credentials)
                    .append(" }\n");
        }
        return yaml.toString();
    }
}
