package dev.hearth.backups;

import dev.hearth.backups.internal.ArchiveReader;
import dev.hearth.backups.internal.Archives;
import dev.hearth.backups.internal.BackupMaker;
import dev.hearth.backups.internal.BackupStore;
import dev.hearth.backups.internal.Checksums;
import dev.hearth.backups.internal.DatabaseSnapshot;
import dev.hearth.backups.internal.Encryption;
import dev.hearth.backups.internal.Manifest;
import dev.hearth.backups.internal.Rclone;
import dev.hearth.backups.internal.RestoreJournal;
import dev.hearth.backups.internal.RestorePreparer;
import dev.hearth.backups.internal.Retention;
import dev.hearth.monitoring.AlertLevel;
import dev.hearth.monitoring.AlertService;
import dev.hearth.notify.Level;
import dev.hearth.notify.Notification;
import dev.hearth.notify.NotificationService;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.events.EventBus;
import dev.hearth.platform.scheduler.CronExpression;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.system.SystemInfo;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Backups of this Hearth: create (by hand or on the schedule), list, open for download, delete, verify and
 * restore. One backup or restore runs at a time. A failure raises the alert {@code backups:failed} (the
 * notify feature sends it to the channels like every alert); the next success resolves it.
 */
@Singleton
public class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class);
    public static final String MANUAL = "manual";
    public static final String SCHEDULED = "scheduled";
    static final String FAILED_ALERT = "backups:failed";
    static final String REMOTE_ALERT = "backups:remote";
    static final String RESTORE_ALERT = "backups:restore";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration TICK = Duration.ofSeconds(20);

    /** The answer of a verification: every problem found, none when the archive is whole. */
    public record Verification(Backup backup, boolean ok, int files, List<String> problems) {}

    /** What a restore prepared: the plan is on disk and Hearth restarts to carry it out. */
    public record RestoreStarted(Backup backup, int steps, List<String> containersStopped, List<String> notes) {}

    /** An archive to stream: its name, size, and bytes (a local file, or the remote copy). */
    public record Download(String fileName, long size, InputStream content) {}

    private final BackupStore store;
    private final ConfigService config;
    private final Clock clock;
    private final SystemInfo info;
    private final DockerEndpoints docker;
    private final AlertService alerts;
    private final NotificationService notifications;
    private final EventBus bus;
    private final Scheduler scheduler;
    private final HearthExit exit;
    private final ReentrantLock busy = new ReentrantLock();
    private volatile Scheduler.@Nullable Job job;
    private volatile @Nullable ZonedDateTime nextScheduled;
    private volatile String scheduleSeen = "";

    public BackupService(
            Database db,
            ConfigService config,
            Clock clock,
            SystemInfo info,
            DockerEndpoints docker,
            AlertService alerts,
            NotificationService notifications,
            EventBus bus,
            Scheduler scheduler,
            HearthExit exit) {
        this.store = new BackupStore(db);
        this.config = config;
        this.clock = clock;
        this.info = info;
        this.docker = docker;
        this.alerts = alerts;
        this.notifications = notifications;
        this.bus = bus;
        this.scheduler = scheduler;
        this.exit = exit;
    }

    void onStart(@Observes StartupEvent ignored) {
        Thread.ofVirtual().name("backups-start").start(() -> {
            try {
                afterRestore();
                reconcile();
            } catch (RuntimeException e) {
                LOG.warnf("Backups: the list could not be brought in line with the directory: %s", e.getMessage());
            }
        });
        job = scheduler.every("backups-schedule", TICK, this::tick);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        Scheduler.Job j = job;
        if (j != null) j.cancel();
    }

    public Path directory() {
        String d = config.current().section(BackupsConfig.class).directory();
        return d.isEmpty() ? config.dataDir().toAbsolutePath().resolve("backups") : Path.of(d);
    }

    public List<Backup> list() {
        return store.list();
    }

    public Optional<Backup> find(long id) {
        return store.find(id);
    }

    public Backup require(long id) {
        return store.find(id)
                .orElseThrow(() -> ApiException.notFound(
                        "Backup",
                        String.valueOf(id),
                        store.list().stream().map(b -> String.valueOf(b.id())).toList()));
    }

    /** When the schedule fires next, if there is one. */
    public Optional<Instant> nextScheduled() {
        ZonedDateTime n = nextScheduled;
        return n == null ? Optional.empty() : Optional.of(n.toInstant());
    }

    /** Makes a backup now; answers when it is written (and copied to the remote, when one is set). */
    public Backup create(String name, String description, String kind, Includes includes, String by) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw ApiException.invalid(
                    "name",
                    "must be 1 to 64 letters, digits, - or _, starting with a letter or digit (it becomes the file name)");
        }
        if (description.length() > 500) throw ApiException.invalid("description", "must be at most 500 characters");
        if (!busy.tryLock())
            throw new ApiException(
                    ErrorCode.CONFLICT, "Another backup or a restore is running; try again when it is done");
        try {
            return createLocked(name, description, kind, includes, by);
        } finally {
            busy.unlock();
        }
    }

    private Backup createLocked(String name, String description, String kind, Includes includes, String by) {
        HearthConfig cfg = config.current();
        BackupMaker maker = new BackupMaker(store.db(), cfg, config.configFile(), docker, info.version());
        List<BackupMaker.Source> sources = maker.resolve(includes);
        Instant now = clock.instant();
        boolean encrypted = !cfg.section(BackupsConfig.class).passphrase().isEmpty();
        String fileName =
                name + "_" + STAMP.format(now.atZone(ZoneId.systemDefault())) + ".tar.gz" + (encrypted ? ".enc" : "");
        if (store.byFileName(fileName).isPresent() || Files.exists(directory().resolve(fileName))) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "A backup named " + fileName + " exists already; wait a second or choose another name");
        }
        long id = store.insert(name, fileName, description, kind, now, encrypted, by);
        BackupMaker.Made made;
        try {
            Path dir = directory();
            Files.createDirectories(dir);
            restrict(dir);
            made = maker.make(dir, fileName, name, description, now, sources, DUMP_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            String why = e instanceof ApiException
                    ? String.valueOf(e.getMessage())
                    : e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage();
            store.failed(id, clock.instant(), why);
            LOG.errorf("Backup %s failed: %s", fileName, why);
            alerts.raise(
                    FAILED_ALERT,
                    AlertLevel.ERROR,
                    "backups",
                    "Backup " + fileName + " failed: " + why,
                    Map.of("backup_id", id, "file_name", fileName, "kind", kind));
            throw new ApiException(
                    ErrorCode.INTERNAL_ERROR, "Backup " + fileName + " failed: " + why, Map.of("backup_id", id));
        }
        Instant done = clock.instant();
        store.db().inTransaction(() -> {
            store.completed(id, done, made.size(), made.sha256(), made.manifest());
            bus.publish(new BackupCreated(id, name, fileName, kind, made.size(), done, ""));
            return null;
        });
        if (!made.warnings().isEmpty()) LOG.warnf("Backup %s: %s", fileName, String.join("; ", made.warnings()));
        alerts.resolve(FAILED_ALERT, "backup " + fileName);
        copyToRemote(id, made.file());
        if (kind.equals(SCHEDULED)) applyRetention();
        return require(id);
    }

    private void copyToRemote(long id, Path file) {
        Rclone rclone = new Rclone(config.current().section(BackupsConfig.class).rclone());
        if (!rclone.configured()) return;
        String where = rclone.location(file.getFileName().toString());
        try {
            rclone.upload(file);
            store.remote(id, where, "copied", "");
            alerts.resolve(REMOTE_ALERT, "copy of " + file.getFileName());
        } catch (IOException e) {
            store.remote(id, where, "failed", "copy to " + where + " failed: " + e.getMessage());
            LOG.errorf("Backup %s was not copied to %s: %s", file.getFileName(), where, e.getMessage());
            alerts.raise(
                    REMOTE_ALERT,
                    AlertLevel.ERROR,
                    "backups",
                    "Backup " + file.getFileName() + " was made but not copied to " + where + ": " + e.getMessage(),
                    Map.of("backup_id", id, "remote", where));
        }
    }

    /** Deletes the archive, its remote copy and its row. */
    public Backup delete(long id) {
        Backup b = require(id);
        if (b.status().equals(Backup.RUNNING))
            throw new ApiException(ErrorCode.CONFLICT, "Backup " + b.fileName() + " is still being written");
        remove(b);
        return b;
    }

    private void remove(Backup b) {
        try {
            Files.deleteIfExists(directory().resolve(b.fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + b.fileName() + ": " + e.getMessage(), e);
        }
        if (!b.remote().isEmpty()) {
            Rclone rclone =
                    new Rclone(config.current().section(BackupsConfig.class).rclone());
            try {
                if (rclone.configured()) rclone.delete(b.fileName());
            } catch (IOException e) {
                LOG.warnf("The remote copy %s was not deleted: %s", b.remote(), e.getMessage());
            }
        }
        store.delete(b.id());
    }

    /** The archive's bytes: the local file, else its remote copy. */
    public Download open(long id) {
        Backup b = require(id);
        if (!b.completed())
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Backup " + b.fileName() + " is " + b.status() + ": there is nothing to download");
        Path file = directory().resolve(b.fileName());
        try {
            if (Files.isRegularFile(file))
                return new Download(b.fileName(), Files.size(file), Files.newInputStream(file));
            Rclone rclone =
                    new Rclone(config.current().section(BackupsConfig.class).rclone());
            if (rclone.configured() && b.remoteStatus().equals("copied"))
                return new Download(b.fileName(), b.sizeBytes(), rclone.open(b.fileName()));
        } catch (IOException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Backup " + b.fileName() + " cannot be read: " + e.getMessage());
        }
        throw new ApiException(
                ErrorCode.NOT_FOUND, "The file of backup " + b.fileName() + " is gone from " + directory());
    }

    /** Reads the whole archive: its own checksum, then every file against SHA256SUMS. */
    public Verification verify(long id, @Nullable String passphrase) {
        Backup b = require(id);
        if (!b.completed())
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Backup " + b.fileName() + " is " + b.status() + ": there is nothing to verify");
        Path file = local(b);
        List<String> problems = new ArrayList<>();
        int files = 0;
        try {
            String sum = sha256(file);
            if (!b.sha256().isEmpty() && !sum.equals(b.sha256())) {
                problems.add("the file's checksum is " + sum + ", not the " + b.sha256() + " it had when it was made");
            }
            try (InputStream in = Archives.open(file, passphrase(passphrase))) {
                ArchiveReader.Result r = ArchiveReader.read(in, null);
                problems.addAll(r.problems());
                files = r.files().size();
            }
        } catch (Encryption.DecryptionFailed e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add("the archive cannot be read to its end: " + e.getMessage());
        }
        store.verified(id, clock.instant(), problems.isEmpty() ? "ok" : String.join("; ", problems));
        return new Verification(require(id), problems.isEmpty(), files, problems);
    }

    /**
     * Prepares the restore of a backup (checks it whole, unpacks it beside what it replaces, stops the containers
     * whose volumes it replaces), then stops Hearth, whose next start swaps the files in and comes back on them.
     */
    public RestoreStarted restore(long id, String confirm, @Nullable String passphrase, String by) {
        Backup b = require(id);
        if (!confirm.equals(b.name())) {
            throw ApiException.invalid(
                    "confirm",
                    "must be the backup's name, '" + b.name()
                            + "', typed out: a restore replaces everything done since " + b.createdAt());
        }
        if (!b.completed())
            throw new ApiException(
                    ErrorCode.CONFLICT, "Backup " + b.fileName() + " is " + b.status() + " and cannot be restored");
        if (!busy.tryLock())
            throw new ApiException(
                    ErrorCode.CONFLICT, "Another backup or a restore is running; try again when it is done");
        boolean handedOver = false;
        try {
            Path file = local(b);
            String sum = sha256(file);
            if (!b.sha256().isEmpty() && !sum.equals(b.sha256())) {
                throw new ApiException(
                        ErrorCode.INVALID_INPUT,
                        "Backup " + b.fileName()
                                + " is damaged (its checksum changed since it was made) and was not restored",
                        Map.of("expected_sha256", b.sha256(), "sha256", sum));
            }
            HearthConfig cfg = config.current();
            RestorePreparer preparer = new RestorePreparer(new RestorePreparer.Context(
                    cfg.dataDir(),
                    config.configFile(),
                    store.db().kind(),
                    DatabaseSnapshot.liveSchemaVersion(store.db()),
                    cfg.section(BackupsConfig.class).roots(),
                    docker));
            RestorePreparer.Prepared p = preparer.prepare(file, b.name(), b.fileName(), passphrase(passphrase));
            LOG.warnf(
                    "Restore of %s requested by %s: Hearth stops now and swaps the files in at its next start",
                    b.fileName(), by);
            handedOver = true;
            exit.restartSoon();
            return new RestoreStarted(
                    b,
                    p.plan().steps().size(),
                    p.plan().containers().stream()
                            .map(RestoreJournal.ContainerRef::name)
                            .toList(),
                    p.notes());
        } catch (Encryption.DecryptionFailed e) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT, "Backup " + b.fileName() + " cannot be opened: " + e.getMessage());
        } catch (IOException e) {
            throw new ApiException(
                    ErrorCode.INVALID_INPUT, "Backup " + b.fileName() + " cannot be restored: " + e.getMessage());
        } finally {
            // the lock stays taken from a handed-over restore until the process ends: nothing else may start meanwhile
            if (!handedOver) busy.unlock();
        }
    }

    /** Runs at every scheduler tick: makes the scheduled backup when the cron expression says it is due. */
    void tick() {
        String schedule = config.current().section(BackupsConfig.class).schedule();
        if (schedule.isEmpty()) {
            nextScheduled = null;
            scheduleSeen = "";
            return;
        }
        ZonedDateTime now = clock.instant().atZone(ZoneId.systemDefault());
        if (!schedule.equals(scheduleSeen) || nextScheduled == null) {
            scheduleSeen = schedule;
            nextScheduled = CronExpression.parse(schedule).next(now).orElse(null);
            return;
        }
        ZonedDateTime due = nextScheduled;
        if (due == null || now.isBefore(due)) return;
        nextScheduled = CronExpression.parse(schedule).next(now).orElse(null);
        runScheduled();
    }

    /** One scheduled backup with the configured includes; a failure is raised as an alert, never thrown. */
    public Optional<Backup> runScheduled() {
        var b = config.current().section(BackupsConfig.class);
        try {
            return Optional.of(create(
                    SCHEDULED,
                    "Scheduled backup (" + b.schedule() + ")",
                    SCHEDULED,
                    new Includes(b.includePaths(), b.includeVolumes()),
                    "schedule"));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.CONFLICT) LOG.warnf("Scheduled backup skipped: %s", e.getMessage());
            else if (e.code() != ErrorCode.INTERNAL_ERROR) {
                // refused before it began (an include outside the roots, ...): still a failed backup for the owner
                alerts.raise(
                        FAILED_ALERT,
                        AlertLevel.ERROR,
                        "backups",
                        "Scheduled backup failed: " + e.getMessage(),
                        Map.of("kind", SCHEDULED));
            }
            return Optional.empty();
        }
    }

    /** Deletes the scheduled backups that the keep_daily / keep_weekly rules no longer keep. */
    void applyRetention() {
        var cfg = config.current().section(BackupsConfig.class);
        List<Backup> scheduled = store.list().stream()
                .filter(b -> b.kind().equals(SCHEDULED) && b.completed())
                .toList();
        Set<Long> doomed = Retention.toDelete(
                scheduled.stream()
                        .map(b -> new Retention.Candidate(b.id(), b.createdAt()))
                        .toList(),
                cfg.keepDaily(),
                cfg.keepWeekly(),
                ZoneId.systemDefault());
        for (Backup b : scheduled) {
            if (doomed.contains(b.id())) {
                LOG.infof("Retention: deleting backup %s", b.fileName());
                remove(b);
            }
        }
    }

    /**
     * Brings the list in line with the directory: a row left {@code running} by a crash is finished or failed,
     * and an archive the list does not know (after a restore brought back an older list) is added from its manifest.
     */
    void reconcile() {
        Path dir = directory();
        String passphrase = config.current().section(BackupsConfig.class).passphrase();
        for (Backup b : store.list()) {
            if (!b.status().equals(Backup.RUNNING)) continue;
            Path f = dir.resolve(b.fileName());
            if (Files.isRegularFile(f)) {
                try (InputStream in = Archives.open(f, passphrase)) {
                    store.completed(
                            b.id(),
                            clock.instant(),
                            Files.size(f),
                            sha256(f),
                            Manifest.parse(ArchiveReader.manifest(in)));
                } catch (IOException e) {
                    store.failed(
                            b.id(), clock.instant(), "interrupted, and its file cannot be read: " + e.getMessage());
                }
            } else {
                store.failed(b.id(), clock.instant(), "interrupted: Hearth stopped while it was written");
            }
        }
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(".+_\\d{8}_\\d{6}\\.tar\\.gz(\\.enc)?"))
                    .toList()) {
                String name = f.getFileName().toString();
                if (store.byFileName(name).isPresent()) continue;
                try (InputStream in = Archives.open(f, passphrase)) {
                    Manifest m = Manifest.parse(ArchiveReader.manifest(in));
                    String kind = m.name().equals(SCHEDULED) ? SCHEDULED : MANUAL;
                    store.insertFound(m, name, kind, Files.size(f), sha256(f), Archives.encrypted(f), clock.instant());
                    LOG.infof("Backups: listed %s, found in %s", name, dir);
                } catch (IOException e) {
                    LOG.warnf("Backups: %s is in %s but cannot be read (%s); not listed", name, dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a restart that finished a restore: start the containers it stopped, and say how it went. */
    private void afterRestore() {
        Optional<RestoreJournal.Report> report = RestoreJournal.takeReport(config.dataDir());
        if (report.isEmpty()) return;
        RestoreJournal.Report r = report.get();
        for (RestoreJournal.ContainerRef c : r.containers()) {
            try {
                docker.require(c.endpoint()).start(c.id());
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Container %s, stopped for the restore, could not be started again: %s",
                        c.name(), e.getMessage());
            }
        }
        lastRestore = r;
        if (r.outcome().equals("completed")) {
            alerts.resolve(RESTORE_ALERT, "restore of " + r.fileName());
            notifications.notify(new Notification(
                    Level.WARNING,
                    "Restored " + r.backup(),
                    r.message() + " Everything done after that backup was made is gone.",
                    "backups",
                    "backups:restored:" + r.fileName() + ":" + r.finishedAt(),
                    clock.instant()));
        } else {
            alerts.raise(
                    RESTORE_ALERT,
                    AlertLevel.ERROR,
                    "backups",
                    "Restore of " + r.fileName() + " " + r.outcome() + ": " + r.message(),
                    Map.of("file_name", r.fileName(), "outcome", r.outcome()));
        }
    }

    private volatile RestoreJournal.@Nullable Report lastRestore;

    /** The outcome of the restore this start finished, if it finished one. */
    public Optional<LastRestore> lastRestore() {
        RestoreJournal.Report r = lastRestore;
        if (r == null) return Optional.empty();
        return Optional.of(new LastRestore(r.backup(), r.fileName(), r.outcome(), r.message(), r.finishedAt()));
    }

    /** How the restore this start finished went. */
    public record LastRestore(String backup, String fileName, String outcome, String message, String finishedAt) {}

    private Path local(Backup b) {
        Path file = directory().resolve(b.fileName());
        if (!Files.isRegularFile(file))
            throw new ApiException(
                    ErrorCode.NOT_FOUND, "The file of backup " + b.fileName() + " is gone from " + directory());
        return file;
    }

    private String passphrase(@Nullable String given) {
        return given == null || given.isEmpty()
                ? config.current().section(BackupsConfig.class).passphrase()
                : given;
    }

    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debugf("cannot restrict %s: %s", dir, e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        return Checksums.ofFile(file);
    }
}
