package dev.hearth.media;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The media actions, whatever the door (REST, dashboard, chat, Telegram, MCP): download a title, refresh a
 * library. Operators act.
 */
@Singleton
public class MediaActions implements ActionProvider {
    public static final String DOWNLOAD = "media.download";
    public static final String REFRESH_LIBRARY = "media.refresh_library";
    public static final String APPROVE_REQUEST = "media.approve_request";
    public static final String DECLINE_REQUEST = "media.decline_request";
    public static final String WEBHOOK = "media.webhook";
    public static final String DOWNLOAD_RELEASE = "media.download_release";

    private final MediaDownloads downloads;
    private final MediaLibraries libraries;
    private final MediaReads reads;
    private final MediaInbox inbox;

    public MediaActions(MediaDownloads downloads, MediaLibraries libraries, MediaReads reads, MediaInbox inbox) {
        this.downloads = downloads;
        this.libraries = libraries;
        this.reads = reads;
        this.inbox = inbox;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                DOWNLOAD,
                                "Download a movie or series by title: through Radarr/Sonarr when configured, else the"
                                        + " best indexer release goes to a download client (music and books: the"
                                        + " artist or author through Lidarr/Readarr); says what was chosen and"
                                        + " why, or lists the candidates when the title is ambiguous",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("title", Type.STRING, "the title, e.g. Inception"),
                                        Param.optional(
                                                "year", Type.INTEGER, "the year it came out, to tell titles apart"),
                                        Param.required(
                                                "kind",
                                                Type.STRING,
                                                "movie, series, music (Lidarr, by artist) or book (Readarr, by author)"))),
                        this::download,
                        downloads::canDownload),
                new Action(
                        new ActionSpec(
                                DOWNLOAD_RELEASE,
                                "Download one release picked from a search's list: the indexers are asked again for"
                                        + " the title and that release goes to a download client",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("title", Type.STRING, "the title searched for, e.g. Inception"),
                                        Param.optional("year", Type.INTEGER, "the year searched with, if any"),
                                        Param.required("kind", Type.STRING, "movie, series, music or book"),
                                        Param.required("release", Type.STRING, "the release's title as listed"),
                                        Param.required("indexer", Type.STRING, "the release's indexer as listed"))),
                        call -> downloads.downloadRelease(
                                request(call),
                                call.string("release"),
                                call.string("indexer"),
                                call.caller().label()),
                        downloads::canDownload),
                new Action(
                        new ActionSpec(
                                REFRESH_LIBRARY,
                                "Scan one library of a media server (Plex, Jellyfin, Emby) for new files",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required("server", Type.STRING, "the media server (service name)"),
                                        Param.required("library", Type.STRING, "the library's id or name"))),
                        call -> libraries.refresh(call.string("server"), call.string("library"))),
                new Action(
                        new ActionSpec(
                                APPROVE_REQUEST,
                                "Approve a request in Overseerr/Seerr: it goes on to Radarr or Sonarr",
                                Role.OPERATOR,
                                false,
                                requestParams()),
                        call -> decide(call, true)),
                new Action(
                        new ActionSpec(
                                DECLINE_REQUEST,
                                "Decline a request in Overseerr/Seerr",
                                Role.OPERATOR,
                                false,
                                requestParams()),
                        call -> decide(call, false)),
                // The media apps' webhooks: the door checks the source's secret, then calls this as
                // "webhook:media-<source>".
                new Action(
                        new ActionSpec(
                                WEBHOOK,
                                "Take a webhook from Sonarr, Radarr, Overseerr/Seerr, Plex or Jellyfin (its import,"
                                        + " health, request and playback events)",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        Param.required(
                                                "source", Type.STRING, "sonarr, radarr, overseerr, plex or jellyfin"),
                                        Param.optional("content_type", Type.STRING, "the body's content type"),
                                        Param.required("body", Type.STRING, "the webhook's body as sent"))),
                        call -> inbox.receive(
                                MediaInbox.source(call.string("source")),
                                call.optionalString("content_type").orElse(null),
                                call.string("body"))));
    }

    private static List<Param> requestParams() {
        return List.of(
                Param.required("service", Type.STRING, "the request manager (service name)"),
                Param.required("request_id", Type.INTEGER, "the request's id"));
    }

    private MediaRequest decide(ActionCall call, boolean approve) {
        String service = call.string("service");
        long id = call.integer("request_id");
        if (id < 1 || id > Integer.MAX_VALUE) throw ApiException.invalid("request_id", "is not a request id");
        RequestManager manager =
                reads.one(RequestManager.class, service, RequestManager::serviceName, "request manager");
        return MediaCalls.call(service, () -> approve ? manager.approve((int) id) : manager.decline((int) id));
    }

    private DownloadAnswer download(ActionCall call) {
        return downloads.download(request(call), call.caller().label());
    }

    private static MediaDownloads.Request request(ActionCall call) {
        Integer year = null;
        if (call.params().hasNonNull("year")) {
            long y = call.integer("year");
            if (y < 1870 || y > 2200) throw ApiException.invalid("year", "is not a year");
            year = (int) y;
        }
        return new MediaDownloads.Request(call.string("title"), year, MediaDownloads.Request.kind(call.string("kind")));
    }
}
