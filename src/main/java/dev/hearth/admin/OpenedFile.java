package dev.hearth.admin;

import java.nio.channels.SeekableByteChannel;

/**
 * A file opened for download after every check; the door streams {@code channel} and closes it. Opened before
 * the answer starts, so a rename that replaces the file meanwhile cannot mix two versions in one download.
 */
public record OpenedFile(String path, String name, long size, String contentType, SeekableByteChannel channel) {}
