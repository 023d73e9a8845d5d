/** OpenAI-compatible chat completions with tool calls (OpenAI, Ollama, llama.cpp server, vLLM), as an {@link dev.hearth.assistant.LlmProvider}. */
@NullMarked
package dev.hearth.assistant.openai;

import org.jspecify.annotations.NullMarked;
