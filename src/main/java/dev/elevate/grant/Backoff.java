package dev.elevate.grant;

import java.time.Duration;

/** Exponential backoff with a ceiling. */
final class Backoff {

    private Backoff() {
    }

    /** The wait after the given number of failures (1 for the first). */
    static Duration after(int failures, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
