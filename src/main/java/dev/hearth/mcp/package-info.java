/** MCP: the {@code mcp} section of hearth.yml; the server itself is the door in {@code api/}. */
@NullMarked
package dev.hearth.mcp;

import org.jspecify.annotations.NullMarked;
