package dev.hearth.hub.vault;

/**
 * Why the vault cannot do what was asked. Messages name services, fields, key ids and files, never a value or a key:
 * they may reach a log or an answer.
 */
public final class VaultException extends RuntimeException {

    public enum Reason {
        /** The value was sealed under another master key than the one in use. */
        WRONG_KEY,
        /** The sealed value fails its integrity check: changed outside Hearth, or damaged. */
        TAMPERED,
        /** Sealed values exist but their key is nowhere to be found. */
        KEY_MISSING,
        /** The key given cannot be a key (not base64, not 32 bytes). */
        KEY_INVALID,
        /** A rotation cannot run here (e.g. the key comes from the environment and no new key was given). */
        ROTATION_REFUSED,
        /** The key file cannot be read or written. */
        KEY_STORAGE
    }

    private final Reason reason;

    public VaultException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public VaultException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
