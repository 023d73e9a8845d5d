package dev.hearth.hub.vault;

import java.time.Instant;

/** What may be shown about a stored secret: that it is set, when and by whom; never its value. */
public record SecretMetadata(String service, String field, Instant setAt, String setBy) {}
