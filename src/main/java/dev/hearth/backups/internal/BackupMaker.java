package dev.hearth.backups.internal;

import dev.hearth.backups.BackupsConfig;
import dev.hearth.backups.Includes;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.storage.Database;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.services.docker.DockerException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one backup archive: a snapshot of the database, the configuration, the data-dir files, and the
 * included paths and volumes, into a hidden {@code .part} file that becomes the archive by one rename when
 * it is complete (a crash leaves no half archive under a real name). Files are readable by their owner only:
 * the archive holds Hearth's secrets.
 */
public final class BackupMaker {
    /** The finished archive. */
    public record Made(Path file, long size, String sha256, Manifest manifest, List<String> warnings) {}

    /** A resolved include: the archive entry and where it is read from (and, for a volume, its name). */
    public record Source(String entry, Path path, String endpoint, String volume, String declared) {}

    private final Database db;
    private final HearthConfig config;
    private final Path dataDir;
    private final Optional<Path> configFile;
    private final DockerEndpoints docker;
    private final String hearthVersion;

    public BackupMaker(
            Database db, HearthConfig config, Optional<Path> configFile, DockerEndpoints docker, String hearthVersion) {
        this.db = db;
        this.config = config;
        this.dataDir = config.dataDir();
        this.configFile = configFile;
        this.docker = docker;
        this.hearthVersion = hearthVersion;
    }

    /** Checks and resolves the includes before anything is written, so a wrong path fails fast and says why. */
    public List<Source> resolve(Includes includes) {
        Confinement roots = new Confinement(config.section(BackupsConfig.class).roots());
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < includes.paths().size(); i++) {
            String p = includes.paths().get(i);
            Path real = roots.existing("include.paths[" + i + "]", p);
            out.add(new Source("paths/" + i, real, "", "", p));
        }
        for (int i = 0; i < includes.volumes().size(); i++) {
            String v = includes.volumes().get(i);
            String field = "include.volumes[" + i + "]";
            if (!v.matches("([A-Za-z0-9][A-Za-z0-9_-]*/)?[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw ApiException.invalid(
                        field,
                        "'" + v + "' must be a volume name, optionally after its endpoint: local/minecraft-world");
            }
            String endpoint = v.contains("/") ? v.substring(0, v.indexOf('/')) : "local";
            String name = v.substring(v.indexOf('/') + 1);
            DockerEngineClient client = docker.client(endpoint)
                    .orElseThrow(() -> ApiException.invalid(
                            field, "no Docker endpoint '" + endpoint + "' (known: " + docker.names() + ")"));
            String mountpoint;
            try {
                mountpoint = client.volumeMountpoint(name);
            } catch (DockerException.NotFound e) {
                throw ApiException.invalid(field, "no volume '" + name + "' on endpoint '" + endpoint + "'");
            } catch (DockerException e) {
                throw new ApiException(
                        dev.hearth.platform.web.ErrorCode.SERVICE_UNAVAILABLE,
                        "Docker endpoint '" + endpoint + "': " + e.getMessage());
            }
            Path real = roots.existing(field, mountpoint);
            out.add(new Source("volumes/" + i, real, endpoint, name, v));
        }
        return out;
    }

    public Made make(
            Path dir,
            String fileName,
            String name,
            String description,
            Instant now,
            List<Source> includes,
            Duration dumpTimeout)
            throws IOException {
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".work-");
        Path part = dir.resolve("." + fileName + ".part");
        try {
            DatabaseSnapshot.Taken db = DatabaseSnapshot.take(this.db, config.storage(), work, dumpTimeout);
            List<String> data = StateFiles.dataFiles(dataDir);
            Path overrides = dataDir.resolve(StateFiles.OVERRIDES);
            boolean hasOverrides = Files.isRegularFile(overrides);
            Optional<Path> cfg = configFile.filter(Files::isRegularFile);
            List<Manifest.PathEntry> paths = new ArrayList<>();
            List<Manifest.VolumeEntry> volumes = new ArrayList<>();
            for (Source s : includes) {
                if (s.volume().isEmpty())
                    paths.add(new Manifest.PathEntry(s.entry(), s.path().toString()));
                else
                    volumes.add(new Manifest.VolumeEntry(
                            s.entry(), s.endpoint(), s.volume(), s.path().toString()));
            }
            Manifest manifest = new Manifest(
                    Manifest.FORMAT,
                    name,
                    description,
                    now.toString(),
                    hearthVersion,
                    db.schemaVersion(),
                    db.kind(),
                    db.entry(),
                    cfg.isPresent() ? "config/hearth.yml" : null,
                    cfg.map(p -> p.toAbsolutePath().toString()).orElse(""),
                    hasOverrides ? "config/" + StateFiles.OVERRIDES : null,
                    data.stream().map(f -> "data/" + f).toList(),
                    paths,
                    volumes);
            MessageDigest whole = ArchiveWriter.sha256();
            List<String> warnings;
            Files.deleteIfExists(part);
            Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream file = new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(part, StandardOpenOption.WRITE), 1 << 16), whole)) {
                String passphrase = config.section(BackupsConfig.class).passphrase();
                OutputStream sink = passphrase.isEmpty() ? file : Encryption.encrypting(file, passphrase);
                ArchiveWriter w = new ArchiveWriter(sink, manifest.toJson(), now);
                w.addFile(db.entry(), db.file());
                if (cfg.isPresent()) w.addFile("config/hearth.yml", cfg.get());
                if (hasOverrides) w.addFile("config/" + StateFiles.OVERRIDES, overrides);
                for (String f : data) w.addFile("data/" + f, dataDir.resolve(f));
                for (Source s : includes) w.addTree(s.entry(), s.path());
                w.finish(now);
                warnings = w.warnings();
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Path target = dir.resolve(fileName);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            RestoreJournal.fsync(dir);
            return new Made(target, Files.size(target), ArchiveWriter.hex(whole.digest()), manifest, warnings);
        } finally {
            Files.deleteIfExists(part);
            RestoreJournal.deleteTree(work);
        }
    }
}
