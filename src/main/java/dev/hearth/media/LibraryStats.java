package dev.hearth.media;

/** A library's counts: {@code items} movies, shows or artists; {@code children} episodes or tracks. */
public record LibraryStats(String id, String name, LibraryKind kind, int items, int children) {}
