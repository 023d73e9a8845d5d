package dev.hearth.backups.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The restore as a journaled swap. While Hearth runs, the backup is checked and unpacked next to what it
 * replaces (same file system, so each swap is one rename), and the plan is written here; Hearth then stops,
 * and the next start carries the plan out before anything opens the database: each target is renamed aside,
 * its staged copy renamed in. Every step can be repeated, so a start after a crash at any point finishes
 * the swap (roll forward); a plan still being staged is thrown away (roll back: nothing live was touched);
 * a step that fails for another reason (a permission) undoes the steps before it. The old files are kept
 * until the new ones are all in place, then removed.
 *
 * <p>States, in {@code <data_dir>/restore/journal.json}: {@code staging} → {@code prepared} → {@code swapped}.
 */
public final class RestoreJournal {
    private static final Logger LOG = Logger.getLogger(RestoreJournal.class);
    public static final String DIR = "restore";
    public static final String STAGING = "staging";
    public static final String PREPARED = "prepared";
    public static final String SWAPPED = "swapped";
    /** A crash-test aid: {@code swap} pauses the swap after its first step, {@code staging} the staging, so a test can kill -9 there. */
    public static final String PAUSE_VARIABLE = "HEARTH_TEST_RESTORE_PAUSE";

    private static final Duration PAUSE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    /** Rename {@code target} to {@code aside}, then {@code staged} to {@code target}; with no staged copy, only the first. */
    public record Step(String target, @Nullable String staged, String aside) {}

    /** A container that was stopped for the restore and is started again after it. */
    public record ContainerRef(String endpoint, String id, String name) {}

    public record Plan(
            String state,
            String backup,
            String fileName,
            String preparedAt,
            List<Step> steps,
            @Nullable String postgresDump,
            List<ContainerRef> containers,
            List<String> cleanup) {
        public Plan {
            steps = List.copyOf(steps);
            containers = List.copyOf(containers);
            cleanup = List.copyOf(cleanup);
        }

        public Plan in(String newState) {
            return new Plan(newState, backup, fileName, preparedAt, steps, postgresDump, containers, cleanup);
        }
    }

    /** What the last restore came to, for the running Hearth to report and act on (containers to start). */
    public record Report(
            String backup,
            String fileName,
            String outcome,
            String message,
            String finishedAt,
            List<ContainerRef> containers) {}

    /** Replaces the database with a dump in one transaction (PostgreSQL); null for SQLite, whose file is a step. */
    @FunctionalInterface
    public interface DatabaseLoader {
        void load(Path dump) throws Exception;
    }

    private RestoreJournal() {}

    public static Path dir(Path dataDir) {
        return dataDir.resolve(DIR);
    }

    static Path file(Path dataDir) {
        return dir(dataDir).resolve("journal.json");
    }

    static Path reportFile(Path dataDir) {
        return dir(dataDir).resolve("last-restore.json");
    }

    public static Optional<Plan> read(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(f.toFile(), Plan.class));
        } catch (IOException e) {
            // a journal is written by rename, never half: unreadable means damaged by something else
            throw new UncheckedIOException("the restore journal " + f + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Writes the plan so that a crash leaves either the old or the new one: temp file, fsync, rename, fsync of the directory. */
    public static void write(Path dataDir, Plan plan) throws IOException {
        Files.createDirectories(dir(dataDir));
        writeDurably(file(dataDir), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
    }

    public static Optional<Report> takeReport(Path dataDir) {
        Path f = reportFile(dataDir);
        try {
            if (!Files.isRegularFile(f)) return Optional.empty();
            Report r = JSON.readValue(f.toFile(), Report.class);
            Files.deleteIfExists(f);
            return Optional.of(r);
        } catch (IOException e) {
            LOG.warnf("The report of the last restore (%s) cannot be read: %s", f, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Carries out or throws away whatever restore the journal holds; called at start before the database
     * opens. Answers the report it wrote, if there was a journal.
     */
    public static Optional<Report> complete(Path dataDir, @Nullable DatabaseLoader database) throws IOException {
        Optional<Plan> found = read(dataDir);
        if (found.isEmpty()) return Optional.empty();
        Plan plan = found.get();
        Report report;
        switch (plan.state()) {
            case STAGING -> {
                LOG.warnf(
                        "A restore of '%s' was interrupted while it was being prepared; nothing had changed: discarding it",
                        plan.backup());
                discardStaging(dataDir, plan);
                report = report(
                        plan,
                        "discarded",
                        "The restore of " + plan.backup() + " was interrupted before anything changed; "
                                + "Hearth runs on its previous state.");
            }
            case PREPARED -> report = swap(dataDir, plan, database);
            case SWAPPED -> report = report(plan, "completed", "Restored " + plan.backup() + ".");
            default -> throw new IOException("the restore journal has an unknown state '" + plan.state() + "'");
        }
        writeDurably(reportFile(dataDir), JSON.writeValueAsBytes(report));
        if (!plan.state().equals(STAGING)) {
            write(dataDir, plan.in(SWAPPED));
            if (report.outcome().equals("completed")) cleanUp(plan);
            else discardStaging(dataDir, plan);
        }
        Files.deleteIfExists(file(dataDir));
        deleteTree(dir(dataDir).resolve("staged"));
        deleteTree(dir(dataDir).resolve("previous"));
        for (String point : List.of("staging", "swap"))
            Files.deleteIfExists(dir(dataDir).resolve("paused-at-" + point));
        fsync(dir(dataDir));
        return Optional.of(report);
    }

    private static Report swap(Path dataDir, Plan plan, @Nullable DatabaseLoader database) throws IOException {
        LOG.infof(
                "Restoring backup '%s' (%d steps)", plan.backup(), plan.steps().size());
        if (plan.postgresDump() != null) {
            if (database == null)
                throw new IOException("the restore holds a PostgreSQL dump, but Hearth runs on SQLite now");
            try {
                database.load(Path.of(plan.postgresDump()));
            } catch (Exception e) {
                LOG.errorf("The database of backup '%s' could not be loaded: %s", plan.backup(), e.getMessage());
                discardStaging(dataDir, plan);
                return report(
                        plan,
                        "failed",
                        "The database could not be restored (" + e.getMessage() + "); nothing was changed.");
            }
        }
        List<Step> done = new ArrayList<>();
        try {
            for (Step step : plan.steps()) {
                apply(step);
                done.add(step);
                if (done.size() == 1) pauseFor("swap", dataDir);
            }
        } catch (IOException e) {
            LOG.errorf(
                    "Restoring '%s' failed at %s: %s; undoing the steps before it",
                    plan.backup(), plan.steps().get(done.size()).target(), e.getMessage());
            for (int i = done.size(); i >= 0; i--) {
                if (i < plan.steps().size()) undo(plan.steps().get(i));
            }
            if (plan.postgresDump() != null) {
                return report(
                        plan,
                        "failed",
                        "Files could not be swapped (" + e.getMessage() + ") after the database was restored; "
                                + "the database holds the backup, the files their previous state.");
            }
            return report(
                    plan,
                    "failed",
                    "The restore could not swap " + e.getMessage() + "; every file was put back as it was.");
        }
        return report(plan, "completed", "Restored " + plan.backup() + ".");
    }

    /** One step, done so that repeating it after a crash anywhere inside it ends in the same place. */
    static void apply(Step step) throws IOException {
        Path target = Path.of(step.target());
        Path aside = Path.of(step.aside());
        if (step.staged() == null) {
            if (exists(target)) {
                if (exists(aside)) throw new IOException(target + " (its previous copy " + aside + " exists already)");
                move(target, aside);
            }
            return;
        }
        Path staged = Path.of(step.staged());
        if (exists(staged)) {
            if (exists(target)) {
                if (exists(aside)) throw new IOException(target + " (its previous copy " + aside + " exists already)");
                move(target, aside);
            }
            move(staged, target);
        } else if (!exists(target)) {
            throw new IOException(target + " (its restored copy " + staged + " is missing)");
        }
    }

    /** Puts a step back: the restored copy back to staging, the previous one back in place. */
    static void undo(Step step) {
        try {
            Path target = Path.of(step.target());
            Path aside = Path.of(step.aside());
            if (step.staged() != null && !exists(Path.of(step.staged())) && exists(target) && exists(aside)) {
                move(target, Path.of(step.staged()));
            }
            if (exists(aside) && !exists(target)) move(aside, target);
        } catch (IOException e) {
            LOG.errorf(
                    "Could not put %s back: %s (its previous copy is at %s)",
                    step.target(), e.getMessage(), step.aside());
        }
    }

    private static void discardStaging(Path dataDir, Plan plan) {
        for (Step s : plan.steps()) {
            if (s.staged() != null) deleteTree(Path.of(s.staged()));
        }
        plan.cleanup().forEach(p -> deleteTree(Path.of(p)));
        if (plan.postgresDump() != null) deleteTree(Path.of(plan.postgresDump()));
        deleteTree(dir(dataDir).resolve("staged"));
    }

    private static void cleanUp(Plan plan) {
        for (Step s : plan.steps()) deleteTree(Path.of(s.aside()));
        plan.cleanup().forEach(p -> deleteTree(Path.of(p)));
    }

    private static Report report(Plan plan, String outcome, String message) {
        return new Report(
                plan.backup(), plan.fileName(), outcome, message, Instant.now().toString(), plan.containers());
    }

    /** For crash tests only: waits where a test will kill -9 the process (see {@link #PAUSE_VARIABLE}). */
    public static void pauseFor(String point, Path dataDir) {
        if (!point.equals(System.getenv(PAUSE_VARIABLE))) return;
        try {
            Files.writeString(
                    dir(dataDir).resolve("paused-at-" + point), Instant.now().toString());
            LOG.warnf("%s=%s: pausing here for at most %d s", PAUSE_VARIABLE, point, PAUSE.toSeconds());
            Thread.sleep(PAUSE);
        } catch (IOException e) {
            LOG.warnf("cannot write the pause marker: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static void move(Path from, Path to) throws IOException {
        Path toDir = parent(to);
        Path fromDir = parent(from);
        Files.createDirectories(toDir);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        fsync(toDir);
        if (!fromDir.equals(toDir)) fsync(fromDir);
    }

    /** Every path the journal moves is absolute under the data dir, so it has a parent; a root would be a bug. */
    private static Path parent(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        if (parent == null) throw new IllegalArgumentException(p + " has no parent directory");
        return parent;
    }

    static void writeDurably(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync(parent(file));
    }

    /** Makes a rename in {@code dir} durable (Linux: fsync of the directory). */
    static void fsync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debugf("cannot fsync %s: %s", dir, e.getMessage());
        }
    }

    /** Removes a file or a directory tree, never following links out of it. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // gone already
        } catch (IOException e) {
            LOG.warnf("Could not remove %s: %s", root, e.getMessage());
        }
    }
}
