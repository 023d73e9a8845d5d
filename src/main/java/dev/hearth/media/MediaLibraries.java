package dev.hearth.media;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** The media servers' libraries: what the doors read, and the refresh an operator asks for. */
@Singleton
public class MediaLibraries {
    private final MediaServices services;

    public MediaLibraries(MediaServices services) {
        this.services = services;
    }

    /** The answer of a refresh: which library of which server is scanning now. */
    public record Refreshed(String server, String libraryId, String library) {}

    public MediaServer server(String name) {
        List<MediaServer> servers = services.offering(MediaServer.class);
        return servers.stream()
                .filter(s -> s.serviceName().equals(name))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "No media server '" + name + "'",
                        Map.of(
                                "known",
                                servers.stream().map(MediaServer::serviceName).toList())));
    }

    public Refreshed refresh(String serverName, String library) {
        MediaServer server = server(serverName);
        List<Library> all = MediaCalls.call(serverName, server::libraries);
        Library chosen = all.stream()
                .filter(l -> l.id().equals(library) || l.name().equalsIgnoreCase(library))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "'" + serverName + "' has no library '" + library + "'",
                        Map.of("known", all.stream().map(Library::name).toList())));
        MediaCalls.run(serverName, () -> server.refreshLibrary(chosen.id()));
        return new Refreshed(serverName, chosen.id(), chosen.name());
    }
}
