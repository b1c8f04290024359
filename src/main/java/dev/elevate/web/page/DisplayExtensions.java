package dev.elevate.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateExtension;

/**
 * How times and durations read on pages. Times are shown in UTC, and say so.
 *
 * <p>TODO: show the viewer's own time zone; needs the zone from the browser or a profile.
 */
@TemplateExtension
public class DisplayExtensions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** For example "1 h 30 min" or "45 s". */
    public static String human(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append(" h ");
        }
        if (minutes > 0) {
            text.append(minutes).append(" min ");
        }
        if (rest > 0 || text.isEmpty()) {
            text.append(rest).append(" s");
        }
        return text.toString().strip();
    }

    /** Audit details as the JSON they are stored as, so no value can pose as another field. */
    public static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details always serialize", e);
        }
    }

    /** Time left until the instant, for a first paint before the countdown script runs. */
    public static String left(Instant until) {
        if (until == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), until);
        return left.isNegative() ? "ending now" : "ends in " + human(left.withNanos(0));
    }
}
