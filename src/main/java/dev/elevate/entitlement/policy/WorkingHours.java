package dev.elevate.entitlement.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Local wall-clock hours on given days in a named time zone, so "08:00 to 18:00 in Berlin"
 * stays right across daylight-saving changes. {@code to} is exclusive.
 */
public record WorkingHours(ZoneId zone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WorkingHours {
        days = Set.copyOf(days);
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
}
