package dev.elevate.web.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateExtension;

/**
 * How times and durations read on pages. Times are stored in UTC and shown in the viewer's
 * zone with its offset at that instant, so "03:30 CEST (UTC+02:00)" can never be misread;
 * durations are elapsed time, whatever the clocks did in between.
 */
@TemplateExtension
public class DisplayExtensions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz '(UTC'xxx')'", Locale.ENGLISH);

    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The instant in a zone, with the zone's abbreviation and offset at that instant. */
    public static String in(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    /** The zone's offset from UTC right now, such as "+01:00" or "-05:00" (or "+00:00"). */
    static String offset(ZoneId zone) {
        return DateTimeFormatter.ofPattern("xxx").format(Instant.now().atZone(zone));
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
