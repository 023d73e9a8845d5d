package dev.hearth.platform.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The jars of the plugins directory, read once when the configuration is first loaded: the enabled ones (not
 * switched off in {@code <data_dir>/plugins.json}) each get their class loader here, which the kind registries and
 * later the plugin manager share. No plugin code runs while the jars are read; it runs when a registry asks for
 * the providers of an SPI ({@link #provided}), and whatever a plugin throws there skips that plugin, never Hearth.
 */
public final class PluginJars {
    /**
     * Asked only when there is something to say: Hearth.main reads the configuration before the log manager is
     * set up, and making a logger then prints an error line of its own.
     */
    private static Logger log() {
        return Logger.getLogger(PluginJars.class);
    }

    /** Manifest attribute a plugin names itself with; without it, the file name without {@code .jar}. */
    public static final String NAME = "Hearth-Plugin-Name";

    /** One jar: its name, file, and loader when it is enabled (empty when switched off or unreadable). */
    public record Jar(
            String name,
            Path file,
            boolean enabled,
            @Nullable URLClassLoader loader) {}

    private static final PluginJars NONE = new PluginJars(List.of());

    private final List<Jar> jars;

    private PluginJars(List<Jar> jars) {
        this.jars = List.copyOf(jars);
    }

    public static PluginJars none() {
        return NONE;
    }

    /** Reads {@code directory} (absent: no plugins) and the owner's choices in {@code choices}. */
    public static PluginJars open(Path directory, Path choices) {
        if (!Files.isDirectory(directory)) return NONE;
        Set<String> disabled = disabled(choices);
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log().warnf("Plugins: cannot read %s (%s); none loaded", directory, e.getMessage());
            return NONE;
        }
        List<Jar> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            String name;
            try {
                name = nameOf(file);
            } catch (IOException | RuntimeException e) {
                continue; // the plugin manager reports an unreadable jar
            }
            // a second jar of the same name is the plugin manager's to report; it gets no loader
            boolean on = names.add(name) && !disabled.contains(name);
            URLClassLoader loader = null;
            if (on) {
                try {
                    loader = new URLClassLoader(
                            "plugin:" + name, new URL[] {file.toUri().toURL()}, PluginJars.class.getClassLoader());
                } catch (IOException e) {
                    on = false;
                }
            }
            out.add(new Jar(name, file, on, loader));
        }
        return new PluginJars(out);
    }

    public List<Jar> jars() {
        return jars;
    }

    /** The loader this jar was given at start, if it is enabled. */
    public Optional<URLClassLoader> loaderOf(Path file) {
        for (Jar j : jars) {
            URLClassLoader loader = j.loader();
            if (j.file().equals(file) && loader != null) return Optional.of(loader);
        }
        return Optional.empty();
    }

    /**
     * The providers of {@code spi} that the enabled jars' own classes make (a child loader also sees Hearth's own
     * registrations, skipped here). A jar whose provider throws is skipped with a warning; the others count.
     */
    public <T> List<T> provided(Class<T> spi) {
        List<T> out = new ArrayList<>();
        for (Jar j : jars) {
            URLClassLoader loader = j.loader();
            if (loader == null) continue;
            List<T> mine = new ArrayList<>();
            try {
                ServiceLoader.load(spi, loader).stream()
                        .filter(p -> p.type().getClassLoader() == loader)
                        .forEach(p -> mine.add(p.get()));
                out.addAll(mine);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                log().warnf(
                                "Plugin %s failed to load its %s and is skipped for it: %s",
                                j.name(), spi.getSimpleName(), rootOf(e));
            }
        }
        return out;
    }

    /**
     * The switched-off plugins that register a provider of {@code spi} (read from their jar as text, running none of
     * their code): what an unknown kind in hearth.yml may be waiting for.
     */
    public List<String> disabledProviding(Class<?> spi) {
        List<String> out = new ArrayList<>();
        for (Jar j : jars) {
            if (j.enabled()) continue;
            try (JarFile jar = new JarFile(j.file().toFile())) {
                if (jar.getEntry("META-INF/services/" + spi.getName()) != null) out.add(j.name());
            } catch (IOException e) {
                // unreadable: nothing to suggest
            }
        }
        return out;
    }

    private static String nameOf(Path file) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.jar$", "");
        try (JarFile jar = new JarFile(file.toFile())) {
            var manifest = jar.getManifest();
            String v = manifest == null ? null : manifest.getMainAttributes().getValue(new Attributes.Name(NAME));
            return v == null || v.isBlank() ? base : v.strip();
        }
    }

    /** {@code {"disabled": [names]}}, as the plugin manager writes it; unreadable means every plugin is on. */
    private static Set<String> disabled(Path choices) {
        if (!Files.isRegularFile(choices)) return Set.of();
        try (InputStream in = Files.newInputStream(choices)) {
            JsonNode tree = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> off = new HashSet<>();
            tree.path("disabled").forEach(n -> off.add(n.asText()));
            return off;
        } catch (IOException e) {
            log().warnf("Plugins: %s is unreadable (%s); every plugin is enabled", choices, e.getMessage());
            return Set.of();
        }
    }

    private static String rootOf(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
