package dev.hearth.hub.vault;

/** The points of a key rotation at which an interruption must lose nothing (see {@link RotationObserver}). */
public enum RotationStep {
    /** The new key is written beside the current one ({@code vault.key.next}); no value is re-sealed yet. */
    NEXT_KEY_WRITTEN,
    /** Inside the database transaction, about half of the values re-sealed, nothing committed. */
    ENTRIES_HALF_REWRITTEN,
    /** Every value re-sealed under the new key and committed; the key file still holds the old key. */
    ENTRIES_COMMITTED,
    /** The new key has replaced the old one in the key file: the rotation is over. */
    KEY_SWAPPED
}
