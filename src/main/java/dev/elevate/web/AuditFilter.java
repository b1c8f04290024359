package dev.elevate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.elevate.audit.AuditEventType;
import dev.elevate.audit.AuditQuery;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.RequestRules;

/** Turns the audit filters of a page or API call into a query, naming any field that is off. */
public final class AuditFilter {

    private AuditFilter() {
    }

    /**
     * Dates are either {@code 2026-12-04} (a whole UTC day: {@code to} includes it) or an
     * instant such as {@code 2026-12-04T10:00:00Z}.
     */
    public static AuditQuery parse(String request, String person, String entitlement,
            String type, String from, String to) {
        List<FieldViolation> violations = new ArrayList<>();
        UUID requestId = null;
        if (present(request)) {
            try {
                requestId = UUID.fromString(request.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("request", "must be a request id (a UUID)"));
            }
        }
        for (String[] text : new String[][] {{"person", person}, {"entitlement", entitlement}}) {
            if (present(text[1]) && (text[1].length() > 255
                    || RequestRules.hasControlCharacters(text[1]))) {
                violations.add(new FieldViolation(text[0],
                        "must be at most 255 characters, without control characters"));
            }
        }
        if (present(type)) {
            try {
                AuditEventType.fromCode(type.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("type", "must be a known event type, such as "
                        + AuditEventType.REQUEST_SUBMITTED.code()));
            }
        }
        Instant start = instant("from", from, false, violations);
        Instant end = instant("to", to, true, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new AuditQuery(requestId, trimmed(person), trimmed(entitlement), trimmed(type),
                start, end);
    }

    /** A whole number from a query parameter, within bounds, or a 400 naming the field. */
    public static int number(String field, String text, int min, int max) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new FieldViolation(field,
                    "must be a whole number from " + min + " to " + max)));
        }
        if (value < min || value > max) {
            throw new InvalidRequestException(List.of(new FieldViolation(field,
                    "must be from " + min + " to " + max)));
        }
        return (int) value;
    }

    /** The highest page number whose first row still has an index the database can take. */
    public static int lastPage(int size) {
        return Integer.MAX_VALUE / size - 1;
    }

    private static Instant instant(String field, String text, boolean endOfDay,
            List<FieldViolation> violations) {
        if (!present(text)) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field,
                    "must be a date (2026-12-04) or an instant (2026-12-04T10:00:00Z)"));
            return null;
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String trimmed(String text) {
        return present(text) ? text.strip() : null;
    }
}
