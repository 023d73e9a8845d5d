/**
 * The MCP server at {@code /mcp} (Streamable HTTP): a door for agents onto the action catalog. It speaks the
 * session-based 2025-11-25 protocol (and 2025-06-18, 2025-03-26) and the stateless 2026-07-28 one on the same endpoint.
 */
@NullMarked
package dev.hearth.mcp.api;

import org.jspecify.annotations.NullMarked;
