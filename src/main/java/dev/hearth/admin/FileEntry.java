package dev.hearth.admin;

import java.time.Instant;

/** One entry of a directory: {@code type} is file, dir, link or other (device, FIFO, socket: listed, never opened). */
public record FileEntry(String name, String path, String type, long size, Instant modified) {}
