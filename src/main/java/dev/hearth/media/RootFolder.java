package dev.hearth.media;

/** Where the manager puts a new title's folder; {@code freeSpace} in bytes. */
public record RootFolder(int id, String path, long freeSpace) {}
