package dev.hearth.assistant;

import java.time.Instant;

/** One remembered message of a conversation: who said it ({@code user} or {@code assistant}), what, and when. */
public record HistoryEntry(String role, String text, Instant at) {}
