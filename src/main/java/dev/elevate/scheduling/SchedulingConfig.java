package dev.elevate.scheduling;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The safety net under Elevate's one-off jobs. */
@ConfigMapping(prefix = "elevate.scheduling")
public interface SchedulingConfig {

    /**
     * How late a job may be before the sweep schedules it again. Generous on purpose: a job
     * that is merely running must not be doubled (doubling is harmless, every job is idempotent,
     * but noisy).
     */
    @WithDefault("PT2M")
    Duration sweepGrace();

    /** How often the sweep runs, in the scheduler's own notation ({@code 60s}, {@code 5m}). */
    @WithDefault("60s")
    String sweepEvery();
}
