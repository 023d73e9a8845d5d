package dev.hearth.media;

/** A person who uses the media server. */
public record MediaUser(String id, String name, String friendlyName, boolean active) {}
