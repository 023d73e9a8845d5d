package dev.hearth.backups.internal;

import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.services.docker.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The first half of a restore, while Hearth runs: read the manifest, refuse what cannot be restored (a newer
 * schema, another kind of database), plan the swap, unpack and check every file next to its target, stop
 * the containers whose volumes are replaced, and write the plan as {@code prepared}. Until that last write
 * nothing live has changed, and a crash throws the staging away at the next start.
 */
public final class RestorePreparer {
    private static final Logger LOG = Logger.getLogger(RestorePreparer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    public record Context(
            Path dataDir,
            Optional<Path> configFile,
            String databaseKind,
            String liveSchemaVersion,
            List<String> roots,
            DockerEndpoints docker) {}

    public record Prepared(RestoreJournal.Plan plan, Manifest manifest, List<String> notes) {}

    private final Context ctx;

    public RestorePreparer(Context ctx) {
        this.ctx = ctx;
    }

    public Prepared prepare(Path archive, String backupName, String fileName, String passphrase) throws IOException {
        Manifest m;
        try (InputStream in = Archives.open(archive, passphrase)) {
            m = Manifest.parse(ArchiveReader.manifest(in));
        }
        if (Manifest.compareVersions(m.schemaVersion(), ctx.liveSchemaVersion()) > 0) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Backup '" + backupName + "' has schema version " + m.schemaVersion()
                            + ", newer than this Hearth's " + ctx.liveSchemaVersion()
                            + ": restore it with a Hearth at least as new as the one that made it ("
                            + m.hearthVersion() + ")",
                    Map.of("backup_schema_version", m.schemaVersion(), "schema_version", ctx.liveSchemaVersion()));
        }
        if (!m.databaseKind().equals(ctx.databaseKind())) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Backup '" + backupName + "' holds a " + m.databaseKind() + " database and this Hearth runs on "
                            + ctx.databaseKind(),
                    Map.of("backup_database", m.databaseKind(), "database", ctx.databaseKind()));
        }
        Path journalDir = RestoreJournal.dir(ctx.dataDir());
        if (RestoreJournal.read(ctx.dataDir()).isPresent()) {
            throw new ApiException(
                    ErrorCode.CONFLICT, "A restore is already pending; Hearth finishes it at its next start");
        }
        Path staged = journalDir.resolve("staged");
        Path previous = journalDir.resolve("previous");
        RestoreJournal.deleteTree(staged);
        RestoreJournal.deleteTree(previous);
        Files.createDirectories(staged);
        List<String> notes = new ArrayList<>();
        List<RestoreJournal.Step> steps = new ArrayList<>();
        Map<String, ArchiveReader.Target> exact = new HashMap<>();
        Map<String, Path> trees = new LinkedHashMap<>();
        List<String> cleanup = new ArrayList<>();
        Path data = ctx.dataDir().toAbsolutePath();

        String dump = null;
        if (m.databaseKind().equals("sqlite")) {
            steps.add(step(
                    data.resolve(StateFiles.DATABASE),
                    staged.resolve(DatabaseSnapshot.SQLITE_ENTRY),
                    previous.resolve(StateFiles.DATABASE)));
            // An old WAL beside the restored file would be replayed into it: the side files go with the old database.
            for (String side : StateFiles.DATABASE_SIDE_FILES)
                steps.add(step(data.resolve(side), null, previous.resolve(side)));
        } else {
            dump = staged.resolve(DatabaseSnapshot.POSTGRES_ENTRY).toString();
        }
        String overridesEntry = "config/" + StateFiles.OVERRIDES;
        steps.add(step(
                data.resolve(StateFiles.OVERRIDES),
                m.overridesEntry() == null ? null : staged.resolve(overridesEntry),
                previous.resolve(StateFiles.OVERRIDES)));
        List<String> inBackup =
                m.dataFiles().stream().map(f -> f.substring("data/".length())).toList();
        for (String f : inBackup) {
            if (f.contains("/") || f.isEmpty())
                throw new IOException("the manifest names an unsafe data file '" + f + "'");
            steps.add(step(data.resolve(f), staged.resolve("data/" + f), previous.resolve(f)));
        }
        for (String f : StateFiles.dataFiles(data)) {
            if (!inBackup.contains(f)) steps.add(step(data.resolve(f), null, previous.resolve(f)));
        }
        if (m.configEntry() != null) {
            if (ctx.configFile().isPresent()) {
                Path cfg = ctx.configFile().get().toAbsolutePath();
                Path stagedCfg = cfg.resolveSibling("." + cfg.getFileName() + ".hearth-restore");
                Files.deleteIfExists(stagedCfg);
                exact.put(
                        m.configEntry(),
                        new ArchiveReader.Target(
                                cfg.toAbsolutePath().getParent() == null
                                        ? Path.of("/")
                                        : cfg.toAbsolutePath().getParent(),
                                stagedCfg.getFileName().toString()));
                steps.add(step(cfg, stagedCfg, cfg.resolveSibling("." + cfg.getFileName() + ".hearth-previous")));
            } else {
                notes.add("The backup's configuration file (" + m.configSource()
                        + ") was not put back: this Hearth runs without one. "
                        + "It is in the archive as config/hearth.yml.");
            }
        }
        Confinement roots = new Confinement(ctx.roots());
        for (Manifest.PathEntry p : m.paths()) {
            Path target = roots.target("paths", p.path());
            trees.put(p.entry(), sibling(target, ".hearth-restore"));
            steps.add(step(target, sibling(target, ".hearth-restore"), sibling(target, ".hearth-previous")));
        }
        List<RestoreJournal.ContainerRef> toStop = new ArrayList<>();
        for (Manifest.VolumeEntry v : m.volumes()) {
            DockerEngineClient client = ctx.docker()
                    .client(v.endpoint())
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.CONFLICT,
                            "The backup holds volume '" + v.name() + "' of Docker endpoint '" + v.endpoint()
                                    + "', which this Hearth does not know"));
            String mountpoint;
            try {
                try {
                    mountpoint = client.volumeMountpoint(v.name());
                } catch (DockerException.NotFound missing) {
                    client.createVolume(v.name(), Map.of("dev.hearth.restored-from", backupName));
                    mountpoint = client.volumeMountpoint(v.name());
                }
                for (String id : client.containersUsingVolume(v.name())) {
                    toStop.add(new RestoreJournal.ContainerRef(
                            v.endpoint(), id, client.inspect(id).name()));
                }
            } catch (DockerException e) {
                throw new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE, "Docker endpoint '" + v.endpoint() + "': " + e.getMessage());
            }
            Path target = roots.existing("volumes", mountpoint);
            trees.put(v.entry(), sibling(target, ".hearth-restore"));
            steps.add(step(target, sibling(target, ".hearth-restore"), sibling(target, ".hearth-previous")));
        }
        for (Path t : trees.values()) {
            RestoreJournal.deleteTree(t);
            cleanup.add(t.toString());
        }
        RestoreJournal.Plan plan = new RestoreJournal.Plan(
                RestoreJournal.STAGING,
                backupName,
                fileName,
                Instant.now().toString(),
                steps,
                dump,
                List.of(),
                cleanup);
        RestoreJournal.write(ctx.dataDir(), plan);

        ArchiveReader.Placement placement = name -> place(name, staged, exact, trees);
        ArchiveReader.Result result;
        try (InputStream in = Archives.open(archive, passphrase)) {
            result = ArchiveReader.read(in, placement);
        } catch (IOException | RuntimeException e) {
            abandon(plan);
            throw e;
        }
        if (!result.ok()) {
            abandon(plan);
            throw new ApiException(
                    ErrorCode.INVALID_INPUT,
                    "Backup '" + backupName + "' is damaged and was not restored: "
                            + result.problems().getFirst(),
                    Map.of("problems", result.problems()));
        }
        RestoreJournal.pauseFor("staging", ctx.dataDir());
        List<RestoreJournal.ContainerRef> stopped = new ArrayList<>();
        for (RestoreJournal.ContainerRef c : toStop) {
            DockerEngineClient client = ctx.docker().require(c.endpoint());
            try {
                if (client.inspect(c.id()).running()) {
                    client.stop(c.id(), STOP_GRACE);
                    stopped.add(c);
                }
            } catch (DockerException e) {
                stopped.forEach(s -> startQuietly(ctx.docker(), s));
                abandon(plan);
                throw new ApiException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "Container " + c.name() + " could not be stopped for the restore: " + e.getMessage());
            }
        }
        RestoreJournal.Plan prepared = new RestoreJournal.Plan(
                RestoreJournal.PREPARED, backupName, fileName, plan.preparedAt(), steps, dump, stopped, cleanup);
        RestoreJournal.write(ctx.dataDir(), prepared);
        LOG.infof(
                "Restore of '%s' prepared: %d steps, %d containers stopped; Hearth restarts to swap",
                backupName, steps.size(), stopped.size());
        return new Prepared(prepared, m, notes);
    }

    private static ArchiveReader.@Nullable Target place(
            String name, Path staged, Map<String, ArchiveReader.Target> exact, Map<String, Path> trees) {
        if (name.equals(ArchiveWriter.MANIFEST)) return null;
        ArchiveReader.Target t = exact.get(name);
        if (t != null) return t;
        for (Map.Entry<String, Path> tree : trees.entrySet()) {
            String prefix = tree.getKey();
            if (name.equals(prefix) || name.equals(prefix + "/")) return new ArchiveReader.Target(tree.getValue(), "");
            if (name.startsWith(prefix + "/"))
                return new ArchiveReader.Target(tree.getValue(), name.substring(prefix.length() + 1));
        }
        if (name.startsWith("database/") || name.startsWith("data/") || name.equals("config/" + StateFiles.OVERRIDES)) {
            return new ArchiveReader.Target(staged, name);
        }
        return null;
    }

    private void abandon(RestoreJournal.Plan plan) {
        for (String p : plan.cleanup()) RestoreJournal.deleteTree(Path.of(p));
        for (RestoreJournal.Step s : plan.steps()) {
            if (s.staged() != null) RestoreJournal.deleteTree(Path.of(s.staged()));
        }
        RestoreJournal.deleteTree(RestoreJournal.dir(ctx.dataDir()));
    }

    static void startQuietly(DockerEndpoints docker, RestoreJournal.ContainerRef c) {
        try {
            docker.require(c.endpoint()).start(c.id());
        } catch (RuntimeException e) {
            LOG.warnf("Container %s could not be started again: %s", c.name(), e.getMessage());
        }
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    private static RestoreJournal.Step step(Path target, @Nullable Path staged, Path aside) {
        return new RestoreJournal.Step(target.toString(), staged == null ? null : staged.toString(), aside.toString());
    }
}
