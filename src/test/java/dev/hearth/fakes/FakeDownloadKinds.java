package dev.hearth.fakes;

import dev.hearth.downloads.DownloadCapability;
import dev.hearth.downloads.DownloadCapability.Feature;
import dev.hearth.platform.integration.Capability;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationTarget;
import dev.hearth.platform.integration.KindContext;
import java.util.Set;

/**
 * Test-only kinds (registered in src/test/resources/META-INF/services): {@code fake-torrent}, a torrent
 * client, and {@code fake-links}, a client that fetches plain links; each service gets a {@link FakeDownloadClient}.
 * Its {@code kind} setting is the kind it shows itself as in answers (qbittorrent, aria2).
 */
public final class FakeDownloadKinds {
    private FakeDownloadKinds() {}

    public record Settings(String kind) {
        public Settings {
            kind = kind == null || kind.isBlank() ? "qbittorrent" : kind;
        }
    }

    public static final class Torrents implements IntegrationKind<Settings> {
        @Override
        public String id() {
            return "fake-torrent";
        }

        @Override
        public String name() {
            return "Fake torrent client (tests)";
        }

        @Override
        public String documentation() {
            return "a download client in memory, for tests";
        }

        @Override
        public Class<Settings> settings() {
            return Settings.class;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(DownloadCapability.of(
                    Feature.TORRENTS, Feature.CATEGORIES, Feature.REMOVES_DATA, Feature.PEERS, Feature.HASH_IDS));
        }

        @Override
        public Integration create(IntegrationTarget<Settings> target, KindContext context) {
            return new FakeDownloadClient(
                    target.serviceName(), target.settings().kind());
        }
    }

    public static final class Links implements IntegrationKind<Settings> {
        @Override
        public String id() {
            return "fake-links";
        }

        @Override
        public String name() {
            return "Fake link fetcher (tests)";
        }

        @Override
        public String documentation() {
            return "a download client in memory that fetches plain links, for tests";
        }

        @Override
        public Class<Settings> settings() {
            return Settings.class;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(DownloadCapability.of(Feature.LINKS, Feature.TORRENTS, Feature.REMOVES_DATA));
        }

        @Override
        public Integration create(IntegrationTarget<Settings> target, KindContext context) {
            return new FakeDownloadClient(
                    target.serviceName(), target.settings().kind());
        }
    }
}
