package dev.elevate.identity;

import java.util.Objects;

/** Someone (or the scheduler) doing something, through a channel. */
public record Actor(String subject, String username, Channel channel) {

    public static final String SCHEDULER_SUBJECT = "elevate-scheduler";

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
    }

    public static Actor scheduler() {
        return new Actor(SCHEDULER_SUBJECT, "scheduler", Channel.SCHEDULER);
    }
}
