package dev.hearth.platform.storage;

/** A database failure; the API answers it as INTERNAL_ERROR without the SQL details. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
