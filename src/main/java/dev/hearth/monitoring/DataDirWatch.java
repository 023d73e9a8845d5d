package dev.hearth.monitoring;

import dev.hearth.platform.storage.DataDirSpace;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * With every sample: a full data dir (a write failed for want of space, or almost nothing left) raises a
 * critical alert — after giving back the space reserve, so the alert itself can be written and sent — and
 * the alert resolves once there is room again, when the reserve is taken again (the first sample takes it).
 * Stateless between samples, so a restart picks up either way.
 */
@Singleton
class DataDirWatch implements SampleConsumer {
    static final String KEY = "data_dir:full";
    private static final Logger LOG = Logger.getLogger(DataDirWatch.class);

    private final Database db;
    private final AlertService alerts;

    DataDirWatch(Database db, AlertService alerts) {
        this.db = db;
        this.alerts = alerts;
    }

    @Override
    public void accept(HostSnapshot sample) {
        DataDirSpace space = db.space();
        if (space.isFull() && !space.hasRoomAgain()) {
            space.release();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("path", space.dataDir().toAbsolutePath().toString());
            details.put("free_bytes", space.usableBytes());
            try {
                alerts.raise(
                        KEY,
                        AlertLevel.CRITICAL,
                        "storage",
                        "The data directory's file system is full: "
                                + space.dataDir().toAbsolutePath()
                                + "; Hearth cannot save changes until space is freed there",
                        details);
            } catch (RuntimeException stillFull) {
                LOG.warnf("Could not record the alert that the data directory is full: %s", stillFull.getMessage());
            }
        } else if (space.hasRoomAgain()) {
            boolean wasFull = space.isFull();
            space.recovered();
            if (wasFull || alerts.open(KEY).isPresent()) alerts.resolve(KEY, "space freed");
        }
    }
}
