package dev.hearth.assistant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An action of the catalog as a tool for a model or an MCP client: a name tools may carry ({@code services_restart}:
 * providers refuse dots), the action id it runs, and a JSON Schema made from the action's parameters.
 *
 * @param readOnly whether it only reads (the viewer's actions)
 */
public record Tool(
        String name,
        String actionId,
        String description,
        ObjectNode inputSchema,
        boolean destructive,
        boolean readOnly) {}
