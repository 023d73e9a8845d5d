package dev.hearth.backups.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a backup is, as its first entry ({@code manifest.json}) says: who made it and when, the Hearth
 * version and the schema version (the newest Flyway migration its database had applied), and where each
 * part sits in the archive. The checksums of every entry are in {@code SHA256SUMS}, the last one.
 *
 * @param configSource the path the configuration file had when it was backed up (empty when Hearth ran without one)
 */
public record Manifest(
        String format,
        String name,
        String description,
        String createdAt,
        String hearthVersion,
        String schemaVersion,
        String databaseKind,
        String databaseEntry,
        @Nullable String configEntry,
        String configSource,
        @Nullable String overridesEntry,
        List<String> dataFiles,
        List<PathEntry> paths,
        List<VolumeEntry> volumes) {
    public static final String FORMAT = "hearth-backup/1";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public record PathEntry(String entry, String path) {}

    public record VolumeEntry(String entry, String endpoint, String name, String mountpoint) {}

    public Manifest {
        dataFiles = dataFiles == null ? List.of() : List.copyOf(dataFiles);
        paths = paths == null ? List.of() : List.copyOf(paths);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Manifest parse(byte[] json) throws IOException {
        Manifest m = JSON.readValue(json, Manifest.class);
        if (!FORMAT.equals(m.format()))
            throw new IOException("unknown backup format '" + m.format() + "' (this Hearth reads " + FORMAT + ")");
        return m;
    }

    /** The includes as the backup list shows them (JSON). */
    public String includesJson() {
        try {
            return JSON.copy()
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(java.util.Map.of("paths", paths, "volumes", volumes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares schema versions as Flyway does (dotted numbers): negative when {@code a} is older. */
    public static int compareVersions(String a, String b) {
        String[] x = a.isEmpty() ? new String[0] : a.split("[._]");
        String[] y = b.isEmpty() ? new String[0] : b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }
}
