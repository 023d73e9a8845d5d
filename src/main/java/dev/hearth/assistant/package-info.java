/**
 * The assistant behind every chat door: the offline intent parser, the LLM providers and their tool loop, and
 * per-user conversations. Every request ends in the action catalog with the caller's own role and the door named.
 */
@NullMarked
package dev.hearth.assistant;

import org.jspecify.annotations.NullMarked;
