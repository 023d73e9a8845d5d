package dev.hearth.plugins;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import jakarta.inject.Singleton;
import java.util.List;

/** MLTB's {@code plugins} and {@code togglePlugin}: listing is the viewer's; switching code on or off the admin's. */
@Singleton
public class PluginActions implements ActionProvider {
    private final PluginManager plugins;

    public PluginActions(PluginManager plugins) {
        this.plugins = plugins;
    }

    /** {@code plugins.list}. */
    public record Plugins(List<PluginView> plugins, String directory) {}

    /** {@code plugins.toggle}. */
    public record Toggled(PluginView plugin) {}

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "plugins.list",
                                "The plugins in plugins/: name, version, description, enabled, error",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> new Plugins(plugins.list(), plugins.directory().toString())),
                new Action(
                        new ActionSpec(
                                "plugins.toggle",
                                "Enable or disable a plugin now (togglePlugin); the choice outlives a restart",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("name", Type.STRING, "the plugin's name"),
                                        Param.optional(
                                                "enabled",
                                                Type.BOOLEAN,
                                                "true or false; without it the plugin is switched over"))),
                        c -> new Toggled(plugins.toggle(
                                c.string("name"), c.params().has("enabled") ? c.flag("enabled", true) : null))));
    }
}
