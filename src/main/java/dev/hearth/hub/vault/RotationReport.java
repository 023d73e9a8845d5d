package dev.hearth.hub.vault;

import java.time.Instant;

/** A finished rotation: how many values were re-sealed, from which key to which (ids only). */
public record RotationReport(int entries, String fromKeyId, String toKeyId, Instant at) {}
