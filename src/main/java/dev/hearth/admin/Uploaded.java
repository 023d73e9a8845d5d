package dev.hearth.admin;

/** A file written by an upload: its name, its full path and its size. */
public record Uploaded(String filename, String path, long size, boolean success, boolean replaced) {}
