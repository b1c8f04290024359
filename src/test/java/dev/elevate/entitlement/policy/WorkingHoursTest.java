package dev.elevate.entitlement.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Auto-approval hours are local wall-clock hours: they follow the 2026 daylight-saving changes
 * of Europe/Berlin (29 March, 25 October) and America/New_York (8 March, 1 November).
 */
class WorkingHoursTest {

    private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
        // Berlin, winter time (UTC+1) the day before the change, summer time (UTC+2) after.
        "Europe/Berlin, 2026-03-28T07:00:00Z, true",
        "Europe/Berlin, 2026-03-28T06:59:59Z, false",
        "Europe/Berlin, 2026-03-29T06:00:00Z, true",
        "Europe/Berlin, 2026-03-29T05:59:59Z, false",
        "Europe/Berlin, 2026-03-29T16:00:00Z, false",
        "Europe/Berlin, 2026-10-25T06:59:59Z, false",
        "Europe/Berlin, 2026-10-25T07:00:00Z, true",
        // New York, EST (UTC-5) before 8 March, EDT (UTC-4) after; back on 1 November.
        "America/New_York, 2026-03-07T13:00:00Z, true",
        "America/New_York, 2026-03-08T12:00:00Z, true",
        "America/New_York, 2026-03-08T11:59:59Z, false",
        "America/New_York, 2026-11-01T12:59:59Z, false",
        "America/New_York, 2026-11-01T13:00:00Z, true",
        "America/New_York, 2026-11-01T22:59:59Z, true",
        "America/New_York, 2026-11-01T23:00:00Z, false",
    })
    void hours_followLocalTime(String zone, String instant, boolean inside) {
        WorkingHours hours = new WorkingHours(ZoneId.of(zone), EVERY_DAY, LocalTime.of(8, 0),
                LocalTime.of(18, 0));

        assertThat(hours.contains(Instant.parse(instant))).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource({
        // Across the spring change a 3-hour grant ends 3 real hours later (local clock +4 h).
        "Europe/Berlin, 2026-03-29T00:30:00Z, PT3H, 2026-03-29T03:30:00Z",
        "America/New_York, 2026-11-01T05:30:00Z, PT2H, 2026-11-01T07:30:00Z",
    })
    void durations_areElapsedTime(String zone, String start, String duration, String end) {
        Instant from = Instant.parse(start);
        Instant to = from.plus(Duration.parse(duration));

        assertThat(to).isEqualTo(Instant.parse(end));
        assertThat(Duration.between(from.atZone(ZoneId.of(zone)), to.atZone(ZoneId.of(zone))))
                .isEqualTo(Duration.parse(duration));
    }

    @ParameterizedTest(name = "weekday rule on {0}: {1}")
    @CsvSource({
        "2026-03-27T09:00:00Z, true",
        "2026-03-28T09:00:00Z, false",
    })
    void days_areLocalDays(String instant, boolean inside) {
        AutoApprovalRule rule = new AutoApprovalRule("office", new Principals(List.of("/oncall"),
                List.of()), Duration.ofHours(1), Optional.of(new WorkingHours(
                ZoneId.of("Europe/Berlin"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0))));

        assertThat(rule.matches(List.of("/oncall"), List.of(), Duration.ofMinutes(30),
                Instant.parse(instant))).isEqualTo(inside);
        assertThat(rule.matches(List.of("/oncall"), List.of(), Duration.ofHours(2),
                Instant.parse(instant))).isFalse();
        assertThat(rule.matches(List.of("/engineering"), List.of(), Duration.ofMinutes(30),
                Instant.parse(instant))).isFalse();
    }
}
