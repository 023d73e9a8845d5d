package dev.hearth.backups;

import dev.hearth.platform.events.HearthEvent;
import java.time.Instant;

/** A backup was written and listed; {@code remote} is where its copy went (empty: none). */
public record BackupCreated(
        long id, String name, String fileName, String kind, long sizeBytes, Instant at, String remote)
        implements HearthEvent {}
