package dev.elevate.request;

/** The request is not in a state that allows this: decided already, too late, or ended. */
public class RequestConflictException extends RuntimeException {

    public RequestConflictException(String message) {
        super(message);
    }
}
