package dev.elevate.notification.slack;

/** Slack did not take a message; the text names no secret. */
public class SlackDeliveryException extends Exception {

    public SlackDeliveryException(String message) {
        super(message);
    }
}
