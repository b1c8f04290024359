package dev.elevate.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void doubles_fromTheInitialWait() {
        assertThat(Backoff.after(1, FIVE_SECONDS, FIVE_MINUTES)).isEqualTo(FIVE_SECONDS);
        assertThat(Backoff.after(2, FIVE_SECONDS, FIVE_MINUTES)).hasSeconds(10);
        assertThat(Backoff.after(4, FIVE_SECONDS, FIVE_MINUTES)).hasSeconds(40);
    }

    @Test
    void neverExceedsTheCeiling_evenAfterManyFailures() {
        assertThat(Backoff.after(1_000, FIVE_SECONDS, FIVE_MINUTES)).isEqualTo(FIVE_MINUTES);
    }
}
