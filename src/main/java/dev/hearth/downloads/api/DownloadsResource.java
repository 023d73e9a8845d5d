package dev.hearth.downloads.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.AddCommand;
import dev.hearth.downloads.ClientState;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadReports;
import dev.hearth.downloads.DownloadService;
import dev.hearth.downloads.DownloadStatistics;
import dev.hearth.downloads.Task;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jspecify.annotations.Nullable;

/** Start downloads (JSON with a URL, or a multipart .torrent upload), and the clients' state and download statistics. */
@Path("/api/v1/downloads")
@RunOnVirtualThread
@Produces(MediaType.APPLICATION_JSON)
public class DownloadsResource {
    private final DownloadService downloads;
    private final DownloadReports reports;
    private final ActionCatalog actions;
    private final CurrentCaller caller;

    public DownloadsResource(
            DownloadService downloads, DownloadReports reports, ActionCatalog actions, CurrentCaller caller) {
        this.downloads = downloads;
        this.reports = reports;
        this.actions = actions;
        this.caller = caller;
    }

    /** {@code {"url": "magnet:?…", "client": "qbittorrent", "category": "movies", "destination": "/srv/x"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.OPERATOR)
    public Response add(JsonNode body) {
        if (body instanceof ObjectNode o && (o.has("torrent_upload"))) {
            throw ApiException.invalid(
                    "torrent_upload", "upload the .torrent as multipart/form-data in the field 'torrent'");
        }
        return created((Task) actions.invoke(DownloadActions.ADD, body, caller.get(), "rest"));
    }

    /** multipart/form-data: the file in {@code torrent} (or a {@code url}), and optionally client, category, destination. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allow(Role.OPERATOR)
    public Response upload(
            @RestForm("torrent") @Nullable FileUpload torrent,
            @RestForm @Nullable String url,
            @RestForm @Nullable String client,
            @RestForm @Nullable String category,
            @RestForm @Nullable String destination) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        if (torrent != null && torrent.uploadedFile() != null) {
            byte[] data;
            try {
                data = Files.readAllBytes(torrent.uploadedFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name =
                    torrent.fileName() == null || torrent.fileName().isBlank() ? "upload.torrent" : torrent.fileName();
            params.put("torrent_upload", downloads.stageUpload(new AddCommand.Upload(name, data)));
        }
        if (url != null) params.put("url", url);
        if (client != null) params.put("client", client);
        if (category != null) params.put("category", category);
        if (destination != null) params.put("destination", destination);
        if (!params.has("torrent_upload") && !params.has("url")) {
            throw ApiException.invalid(
                    "torrent", "send the .torrent file in the multipart field 'torrent' (or a 'url')");
        }
        return created((Task) actions.invoke(DownloadActions.ADD, params, caller.get(), "rest"));
    }

    private Response created(Task task) {
        return Response.status(201)
                .entity(new Started(
                        true, task.id(), "Download started successfully", Views.task(task, Views.states(downloads))))
                .build();
    }

    /** The seed's answer to a download started. */
    public record Started(boolean success, String taskId, String message, TaskView task) {}

    public record ClientView(
            String name,
            String kind,
            String state,
            String detail,
            String message,
            java.time.Instant checkedAt,
            long latencyMs,
            dev.hearth.downloads.@Nullable ClientStats stats,
            long tasks) {
        static ClientView of(ClientState c) {
            return new ClientView(
                    c.name(),
                    c.kind(),
                    c.health().status().name(),
                    c.health().detail().name(),
                    c.health().message(),
                    c.health().checkedAt(),
                    c.health().latencyMs(),
                    c.stats(),
                    c.tasks());
        }
    }

    @GET
    @Path("/clients")
    @Allow(Role.VIEWER)
    public ClientList clients() {
        List<ClientView> all = downloads.clients().stream().map(ClientView::of).toList();
        return new ClientList(all, all.size());
    }

    public record ClientList(List<ClientView> clients, int total) {}

    @GET
    @Path("/stats")
    @Allow(Role.VIEWER)
    public Statistics stats() {
        DownloadStatistics s = reports.statistics();
        return new Statistics(
                s.todayDownloads(),
                s.todayCompleted(),
                s.activeTasks(),
                s.downloadSpeed(),
                s.uploadSpeed(),
                s.totalBandwidth(),
                Human.rate(s.totalBandwidth()),
                s.averageSpeed(),
                Human.rate(s.averageSpeed()),
                s.topDownloaders());
    }

    /** The seed's statistics, each speed also in words. */
    public record Statistics(
            long todayDownloads,
            long todayCompleted,
            long activeTasks,
            long downloadSpeed,
            long uploadSpeed,
            long totalBandwidth,
            String totalBandwidthHuman,
            long averageSpeed,
            String averageSpeedHuman,
            List<DownloadStatistics.TopDownloader> topDownloaders) {}
}
