package dev.hearth.plugins;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionProvider;
import dev.hearth.notify.NotifierKind;
import dev.hearth.platform.integration.IntegrationKind;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;

/**
 * One jar of {@code plugins/}: what its manifest says (read without running any of its code) and, once loaded,
 * its class loader and what its ServiceLoader registrations made. Only classes of this jar count: a child
 * loader also sees Hearth's own registrations, which are skipped.
 */
final class PluginJar {
    /** Manifest attributes a plugin names itself with; without them the file name and "unknown" are shown. */
    static final String NAME = dev.hearth.platform.plugins.PluginJars.NAME;

    static final String VERSION = "Hearth-Plugin-Version";
    static final String DESCRIPTION = "Hearth-Plugin-Description";

    final Path file;
    final String name;
    final String version;
    final String description;

    /**
     * What a load made: its loader (closed on unload when {@code owned}; the loader given at start is shared with the
     * kind registries and stays open) and the actions and kinds its classes provide.
     */
    record Loaded(
            URLClassLoader loader,
            boolean owned,
            List<Action> actions,
            List<NotifierKind<?>> notifiers,
            List<IntegrationKind<?>> integrations) {}

    private PluginJar(Path file, String name, String version, String description) {
        this.file = file;
        this.name = name;
        this.version = version;
        this.description = description;
    }

    static PluginJar read(Path file) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.jar$", "");
        try (JarFile jar = new JarFile(file.toFile())) {
            var manifest = jar.getManifest();
            Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
            return new PluginJar(file, text(a, NAME, base), text(a, VERSION, "unknown"), text(a, DESCRIPTION, ""));
        }
    }

    private static String text(Attributes a, String key, String fallback) {
        String v = a.getValue(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** Instantiates every provider of the jar; any throwable from the jar's code comes out to the caller. */
    Loaded load(ClassLoader parent) throws IOException {
        URLClassLoader loader = new URLClassLoader(
                "plugin:" + name, new java.net.URL[] {file.toUri().toURL()}, parent);
        return load(loader, true);
    }

    /** With the loader the configuration gave this jar at start (see PluginJars): the same classes as its kinds. */
    Loaded load(URLClassLoader loader, boolean owned) {
        try {
            List<Action> actions = new ArrayList<>();
            for (ActionProvider p : own(ActionProvider.class, loader)) actions.addAll(List.copyOf(p.actions()));
            List<NotifierKind<?>> notifiers = new ArrayList<>();
            for (NotifierKind<?> k : own(NotifierKind.class, loader)) notifiers.add(k);
            List<IntegrationKind<?>> integrations = new ArrayList<>();
            for (IntegrationKind<?> k : own(IntegrationKind.class, loader)) integrations.add(k);
            return new Loaded(loader, owned, List.copyOf(actions), List.copyOf(notifiers), List.copyOf(integrations));
        } catch (Throwable t) {
            if (owned) close(loader);
            throw t;
        }
    }

    private static <T> List<T> own(Class<T> spi, ClassLoader loader) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(spi, loader).stream()
                .filter(p -> p.type().getClassLoader() == loader)
                .forEach(p -> out.add(p.get()));
        return out;
    }

    static void close(@Nullable URLClassLoader loader) {
        if (loader == null) return;
        try {
            loader.close();
        } catch (IOException ignored) {
            // the jar's file handle only; classes already loaded keep working
        }
    }
}
