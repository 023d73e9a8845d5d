/** The assistant's workings: the offline parser and planner, conversations, the LLM tool loop, plain-word answers. */
@NullMarked
package dev.hearth.assistant.internal;

import org.jspecify.annotations.NullMarked;
