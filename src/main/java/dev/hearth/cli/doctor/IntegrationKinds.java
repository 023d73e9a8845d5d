package dev.hearth.cli.doctor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.downloads.aria2.Aria2Provider;
import dev.hearth.downloads.deluge.DelugeProvider;
import dev.hearth.downloads.qbittorrent.QbittorrentProvider;
import dev.hearth.downloads.transmission.TransmissionProvider;
import dev.hearth.hub.http.HttpServiceProvider;
import dev.hearth.media.emby.EmbyProvider;
import dev.hearth.media.jellyfin.JellyfinProvider;
import dev.hearth.media.overseerr.OverseerrProvider;
import dev.hearth.media.plex.PlexProvider;
import dev.hearth.media.prowlarr.ProwlarrProvider;
import dev.hearth.media.radarr.RadarrProvider;
import dev.hearth.media.sonarr.SonarrProvider;
import dev.hearth.media.tautulli.TautulliProvider;
import dev.hearth.media.torznab.TorznabProvider;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationProvider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The integration kinds, made without CDI, for a doctor that runs while Hearth does not. The providers are
 * CDI beans today; until kinds register themselves in a way that works before start (issue 11), this list
 * names them, and {@code DoctorKnowsEveryIntegrationTest} fails when a provider bean is missing from it.
 */
final class IntegrationKinds {
    private final List<IntegrationProvider> providers;

    IntegrationKinds(Clock clock, dev.hearth.platform.config.ConfigService config) {
        HttpStack http = new HttpStack(JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(), clock);
        this.providers = List.of(
                new HttpServiceProvider(http, clock),
                new QbittorrentProvider(http, clock),
                new DelugeProvider(http, clock),
                new TransmissionProvider(http, clock),
                new Aria2Provider(http, clock, config),
                new EmbyProvider(http, clock),
                new JellyfinProvider(http, clock),
                new OverseerrProvider(http, clock),
                new PlexProvider(http, clock),
                new ProwlarrProvider(http, clock),
                new RadarrProvider(http, clock),
                new SonarrProvider(http, clock),
                new TautulliProvider(http, clock),
                new TorznabProvider(http, clock));
    }

    Optional<IntegrationDescriptor> find(String id) {
        return providers.stream().map(IntegrationProvider::descriptor).filter(d -> d.id().equals(id)).findFirst();
    }

    List<String> ids() {
        return providers.stream().map(p -> p.descriptor().id()).sorted().toList();
    }
}
