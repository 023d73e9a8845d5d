package dev.hearth.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hearth.actions.Action;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.RuntimeActions;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The plugins of {@code plugins/}. A jar is enabled unless the owner switched it off (the choice is kept in
 * {@code <data_dir>/plugins.json}, written beside and moved). Whatever a plugin's code throws, at load (a
 * constructor, {@code actions()}) or in one of its actions, is caught here: the plugin is cut off with its error
 * shown, and Hearth goes on. A disabled plugin runs no code: its jar is not even opened by a class loader.
 */
@Singleton
public class PluginManager implements RuntimeActions {
    private static final Logger LOG = Logger.getLogger(PluginManager.class);

    private final ConfigService config;
    private final Instance<ActionProvider> builtIn;
    private final ObjectMapper json;
    private final Map<String, Entry> plugins = new LinkedHashMap<>();
    private @Nullable Path directory;
    private volatile List<Action> current = List.of();

    /** One plugin's run-time state; guarded by the manager's lock. */
    private static final class Entry {
        final PluginJar jar;
        boolean chosen;

        @Nullable
        String error;

        PluginJar.@Nullable Loaded loaded;
        List<Action> actions = List.of();

        Entry(PluginJar jar, boolean chosen) {
            this.jar = jar;
            this.chosen = chosen;
        }
    }

    public PluginManager(ConfigService config, Instance<ActionProvider> builtIn, ObjectMapper json) {
        this.config = config;
        this.builtIn = builtIn;
        this.json = json;
    }

    void onStart(@Observes StartupEvent ignored) {
        start();
    }

    /** Reads the directory and loads every enabled jar. */
    public synchronized void start() {
        String configured = config.current().section(PluginsConfig.class).directory();
        Path dir = configured.isEmpty() ? config.dataDir().resolve("plugins") : Path.of(configured);
        directory = dir;
        Set<String> disabled = readChoices();
        List<Path> jars;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            LOG.warnf("Plugins: cannot read %s (%s); none loaded", dir, e.getMessage());
            jars = List.of();
        }
        for (Path file : jars) {
            PluginJar jar;
            try {
                jar = PluginJar.read(file);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Plugins: %s is not a readable jar (%s); skipped", file.getFileName(), e.getMessage());
                continue;
            }
            String key = plugins.containsKey(jar.name) ? file.getFileName().toString() : jar.name;
            Entry entry = new Entry(jar, !disabled.contains(key));
            plugins.put(key, entry);
            if (!key.equals(jar.name)) {
                entry.error = "another plugin is already named '" + jar.name + "'; rename one (" + PluginJar.NAME + ")";
            } else if (entry.chosen) {
                load(key, entry, config.plugins().loaderOf(file).orElse(null));
            }
        }
        refresh();
    }

    public synchronized List<PluginView> list() {
        List<PluginView> out = new ArrayList<>();
        plugins.forEach((key, e) -> out.add(view(key, e)));
        return out;
    }

    public Path directory() {
        Path d = directory;
        return d == null ? config.dataDir().resolve("plugins") : d;
    }

    /** Switches a plugin on or off (or over, without {@code enabled}); the choice outlives a restart. */
    public synchronized PluginView toggle(String name, @Nullable Boolean enabled) {
        Entry e = plugins.get(name);
        if (e == null) throw ApiException.notFound("Plugin", name, plugins.keySet());
        boolean on = enabled != null ? enabled : !(e.chosen && e.loaded != null);
        e.chosen = on;
        unload(e);
        e.error = null;
        if (on) load(name, e, null);
        writeChoices();
        refresh();
        return view(name, e);
    }

    @Override
    public List<Action> current() {
        return current;
    }

    /**
     * Loads a plugin's providers; at start with the loader the configuration gave its jar ({@code shared}), so its
     * kinds in hearth.yml and its actions are the same classes; when switched on at run time, with a new loader.
     */
    private void load(String key, Entry e, java.net.@Nullable URLClassLoader shared) {
        try {
            PluginJar.Loaded loaded =
                    shared != null ? e.jar.load(shared, false) : e.jar.load(PluginManager.class.getClassLoader());
            Set<String> taken = takenIds(key);
            for (Action a : loaded.actions()) {
                if (!taken.add(a.spec().id())) {
                    if (loaded.owned()) PluginJar.close(loaded.loader());
                    e.error = "its action '" + a.spec().id() + "' is already Hearth's or another plugin's";
                    LOG.warnf("Plugin %s not loaded: %s", key, e.error);
                    return;
                }
            }
            e.loaded = loaded;
            e.actions = loaded.actions().stream().map(a -> guarded(key, a)).toList();
            LOG.infof("Plugin %s %s loaded from %s", key, e.jar.version, e.jar.file.getFileName());
        } catch (Throwable t) {
            // A plugin's code may throw anything (an Error from a bad class file too): it is reported, never fatal.
            e.error = "failed to load: " + describe(t);
            LOG.warnf("Plugin %s failed to load and is disabled: %s", key, describe(t));
        }
    }

    private Set<String> takenIds(String except) {
        Set<String> ids = new HashSet<>();
        builtIn.forEach(p -> p.actions().forEach(a -> ids.add(a.spec().id())));
        plugins.forEach((k, other) -> {
            if (!k.equals(except)) other.actions.forEach(a -> ids.add(a.spec().id()));
        });
        return ids;
    }

    /** The plugin's action, with anything it throws (other than a refusal of its input) turned into its cut-off. */
    private Action guarded(String key, Action action) {
        String id = action.spec().id();
        return new Action(action.spec(), call -> {
            Record answer;
            try {
                answer = action.handler().run(call);
            } catch (ApiException refused) {
                throw refused;
            } catch (Throwable t) {
                throw failedAtRun(key, id, describe(t));
            }
            if (answer == null) throw failedAtRun(key, id, "it answered nothing");
            return answer;
        });
    }

    private synchronized ApiException failedAtRun(String key, String id, String why) {
        Entry e = plugins.get(key);
        if (e != null) {
            unload(e);
            e.error = "failed in " + id + ": " + why;
            refresh();
        }
        LOG.warnf("Plugin %s failed in %s and is disabled: %s", key, id, why);
        return new ApiException(
                ErrorCode.INTERNAL_ERROR,
                "Plugin '" + key + "' failed in " + id + ": " + why
                        + ". It is disabled until an admin enables it again.",
                Map.of("plugin", key, "action", id));
    }

    private static void unload(Entry e) {
        PluginJar.Loaded l = e.loaded;
        e.loaded = null;
        e.actions = List.of();
        if (l != null && l.owned()) PluginJar.close(l.loader());
    }

    private void refresh() {
        List<Action> all = new ArrayList<>();
        plugins.values().forEach(e -> all.addAll(e.actions));
        current = List.copyOf(all);
    }

    private static PluginView view(String key, Entry e) {
        boolean on = e.loaded != null;
        String state = on ? "enabled" : e.error != null ? "failed" : "disabled";
        List<String> provides = new ArrayList<>();
        PluginJar.Loaded l = e.loaded;
        if (l != null) {
            l.actions().forEach(a -> provides.add("action:" + a.spec().id()));
            l.notifiers().forEach(k -> provides.add("notifier:" + k.type()));
            l.integrations().forEach(k -> provides.add("integration:" + k.id()));
        }
        return new PluginView(
                key,
                e.jar.version,
                e.jar.description,
                on,
                state,
                e.error,
                e.jar.file.getFileName().toString(),
                provides);
    }

    /** The root cause's class and message: what went wrong inside the plugin, not the ServiceLoader's wrapper. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private Path choicesFile() {
        return config.dataDir().resolve("plugins.json");
    }

    /** The owner's choices: the plugins switched off. */
    record Choices(List<String> disabled) {}

    private Set<String> readChoices() {
        Path f = choicesFile();
        if (!Files.exists(f)) return Set.of();
        try {
            Choices c = json.readValue(f.toFile(), Choices.class);
            return c.disabled() == null ? Set.of() : new TreeSet<>(c.disabled());
        } catch (IOException e) {
            LOG.warnf("Plugins: %s is unreadable (%s); every plugin is enabled", f, e.getMessage());
            return Set.of();
        }
    }

    private void writeChoices() {
        List<String> off = plugins.entrySet().stream()
                .filter(x -> !x.getValue().chosen)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Path f = choicesFile();
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try {
            Files.write(tmp, json.writeValueAsBytes(new Choices(off)));
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE, "Cannot save the plugins' choices in " + f + ": " + e.getMessage());
        }
    }
}
