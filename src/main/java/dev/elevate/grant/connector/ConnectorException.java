package dev.elevate.grant.connector;

/** A target system refused or did not answer; the message is safe to store and show. */
public class ConnectorException extends Exception {

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConnectorException(String message) {
        super(message);
    }
}
