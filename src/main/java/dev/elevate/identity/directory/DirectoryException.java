package dev.elevate.identity.directory;

/** Keycloak could not be asked; a decision that needs its answer must not go ahead. */
public class DirectoryException extends RuntimeException {

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
