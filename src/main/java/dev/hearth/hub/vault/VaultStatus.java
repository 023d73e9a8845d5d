package dev.hearth.hub.vault;

import org.jspecify.annotations.Nullable;

/**
 * The vault at a glance, for the doctor and the dashboard: where the key comes from, its id (null while no key
 * exists yet), how many values are sealed and how many of those under another key (non-zero: the wrong key is in use).
 */
public record VaultStatus(String keySource, @Nullable String keyId, long entries, long entriesUnderOtherKeys) {}
