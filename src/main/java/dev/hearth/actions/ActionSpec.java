package dev.hearth.actions;

import dev.hearth.platform.security.Role;
import java.util.List;

/**
 * What an action is, as every door shows it: REST, chat, the LLM tool list and MCP are generated from
 * this, never written twice. {@code id} is {@code feature.verb}, e.g. {@code services.restart}.
 */
public record ActionSpec(String id, String description, Role role, boolean destructive, List<Param> params) {

    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT
    }

    public record Param(String name, Type type, boolean required, String description) {
        public static Param required(String name, Type type, String description) {
            return new Param(name, type, true, description);
        }

        public static Param optional(String name, Type type, String description) {
            return new Param(name, type, false, description);
        }
    }

    public ActionSpec {
        if (!id.matches("[a-z]+(\\.[a-z_]+)+"))
            throw new IllegalArgumentException("action id must be feature.verb: " + id);
        params = List.copyOf(params);
    }
}
