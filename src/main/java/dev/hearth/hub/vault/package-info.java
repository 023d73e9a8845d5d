/**
 * The credential vault: secrets per service and field, sealed with AES-256-GCM under a master key that never
 * enters the database (a 0600 key file in the data dir, or {@code HEARTH_MASTER_KEY}). Values go in and come out
 * only through {@link dev.hearth.hub.vault.Vault}; everything else sees metadata (set, when, by whom).
 */
@NullMarked
package dev.hearth.hub.vault;

import org.jspecify.annotations.NullMarked;
