/** {@code POST /api/v1/command}: the seed's chat door onto the assistant, and the dashboard's chat box history. */
@NullMarked
package dev.hearth.assistant.api;

import org.jspecify.annotations.NullMarked;
