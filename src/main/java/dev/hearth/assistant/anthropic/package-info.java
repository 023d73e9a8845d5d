/** Anthropic's Messages API with tool use, as an {@link dev.hearth.assistant.LlmProvider}: a thin client on the platform HTTP stack. */
@NullMarked
package dev.hearth.assistant.anthropic;

import org.jspecify.annotations.NullMarked;
