package dev.hearth.media;

/** A problem the search service reports about itself or an indexer; {@code level} is warning or error. */
public record IndexerIssue(String level, String source, String message) {}
