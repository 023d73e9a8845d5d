package dev.hearth.services.discovery;

/** A container discovery looked at and left out, with the reason a person can act on. */
public record SkippedContainer(String endpoint, String container, String reason) {}
