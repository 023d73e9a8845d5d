package dev.hearth.media.arr;

import dev.hearth.media.HistoryEntry;
import dev.hearth.media.ManagerStatus;
import dev.hearth.media.MediaManager;
import dev.hearth.media.QualityProfile;
import dev.hearth.media.QueueEntry;
import dev.hearth.media.RootFolder;
import dev.hearth.media.clients.Json;
import dev.hearth.platform.integration.HealthProbe;
import dev.hearth.platform.integration.Integration;
import dev.hearth.platform.integration.Reading;
import java.time.Clock;
import java.util.List;

/** What a Sonarr and a Radarr manager do the same way; the subclass adds its titles, calendar and commands. */
public abstract class ArrManager implements Integration, MediaManager {
    protected final ArrApi api;
    private final String kind;
    private final String serviceName;
    private final Clock clock;
    private final String titleIdField;

    protected ArrManager(String kind, String serviceName, ArrApi api, Clock clock, String titleIdField) {
        this.kind = kind;
        this.serviceName = serviceName;
        this.api = api;
        this.clock = clock;
        this.titleIdField = titleIdField;
    }

    @Override
    public Reading poll() {
        return Reading.of(HealthProbe.check(clock, () -> {
            ManagerStatus s = status();
            return s.appName() + " " + s.version()
                    + (s.instanceName().isEmpty() || s.instanceName().equals(s.appName())
                            ? ""
                            : " (" + s.instanceName() + ")");
        }));
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public ManagerStatus status() {
        return ArrShapes.status(api.status());
    }

    @Override
    public List<QualityProfile> qualityProfiles() {
        return Json.list(api.get("qualityprofile"), ArrShapes::profile);
    }

    @Override
    public List<RootFolder> rootFolders() {
        return Json.list(api.get("rootfolder"), ArrShapes::rootFolder);
    }

    @Override
    public List<QueueEntry> queue(int limit) {
        return Json.list(api.queue(limit), "records", q -> ArrShapes.queueEntry(q, titleIdField));
    }

    @Override
    public List<HistoryEntry> history(int limit) {
        return Json.list(api.history(limit), "records", h -> ArrShapes.historyEntry(h, titleIdField));
    }
}
