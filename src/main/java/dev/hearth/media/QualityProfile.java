package dev.hearth.media;

public record QualityProfile(int id, String name) {}
