package dev.elevate.request;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.elevate.entitlement.policy.AccessPolicy;

/** The input rules of a request, checked all at once so a form can show every problem. */
public final class RequestRules {

    public static final int JUSTIFICATION_MIN = 10;
    public static final int JUSTIFICATION_MAX = 1000;
    public static final int TICKET_MAX = 100;
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./#-]*");
    private static final Pattern ENTITLEMENT_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private RequestRules() {
    }

    /** The violations of this draft; the entitlement is null when the key matched nothing. */
    public static List<FieldViolation> check(RequestDraft draft, AccessPolicy policy,
            Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (isBlank(draft.entitlement())) {
            violations.add(new FieldViolation("entitlement", "is required"));
        } else if (!isEntitlementKey(draft.entitlement())) {
            violations.add(new FieldViolation("entitlement",
                    "must be an entitlement key: lower-case letters, digits, . _ -"));
        } else if (policy == null) {
            violations.add(new FieldViolation("entitlement",
                    "must name an entitlement in the catalog"));
        }
        checkDuration(draft.duration(), policy, violations);
        checkJustification(draft.justification(), violations);
        checkTicket(draft.ticket(), policy, violations);
        checkStart(draft, policy, now, violations);
        return violations;
    }

    /** The parsed scheduled start, or null for "now"; call only after {@link #check}. */
    public static Instant parseStart(String text) {
        return isBlank(text) ? null : OffsetDateTime.parse(text.strip()).toInstant();
    }

    private static void checkStart(RequestDraft draft, AccessPolicy policy, Instant now,
            List<FieldViolation> violations) {
        if (isBlank(draft.startsAt())) {
            return;
        }
        if (draft.breakGlass()) {
            violations.add(new FieldViolation("startsAt",
                    "must be empty for break-glass access, which starts at once"));
            return;
        }
        Instant start;
        try {
            start = parseStart(draft.startsAt());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("startsAt",
                    "must be an ISO-8601 date-time with offset, such as 2026-12-07T09:00:00+01:00"));
            return;
        }
        if (!start.isAfter(now)) {
            violations.add(new FieldViolation("startsAt", "must be in the future"));
        } else if (policy != null && policy.maxStartDelay().isZero()) {
            violations.add(new FieldViolation("startsAt",
                    "is not allowed: this entitlement's policy does not allow a scheduled start"));
        } else if (policy != null && start.isAfter(now.plus(policy.maxStartDelay()))) {
            violations.add(new FieldViolation("startsAt",
                    "must be at most " + policy.maxStartDelay() + " from now"));
        }
    }

    /** The parsed duration; call only after {@link #check} found nothing wrong with it. */
    public static Duration parseDuration(String text) {
        return Duration.parse(text.trim());
    }

    private static void checkDuration(String text, AccessPolicy policy,
            List<FieldViolation> violations) {
        if (isBlank(text)) {
            violations.add(new FieldViolation("duration", "is required"));
            return;
        }
        Duration duration;
        try {
            duration = parseDuration(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("duration",
                    "must be an ISO-8601 duration such as PT1H or PT30M"));
            return;
        }
        if (duration.isZero() || duration.isNegative()) {
            violations.add(new FieldViolation("duration", "must be longer than zero"));
        } else if (duration.getNano() != 0) {
            violations.add(new FieldViolation("duration", "must be a whole number of seconds"));
        } else if (policy != null && duration.compareTo(policy.duration().min()) < 0) {
            violations.add(new FieldViolation("duration",
                    "must be at least " + policy.duration().min()));
        } else if (policy != null && duration.compareTo(policy.duration().max()) > 0) {
            violations.add(new FieldViolation("duration",
                    "must be at most " + policy.duration().max()));
        }
    }

    private static void checkJustification(String text, List<FieldViolation> violations) {
        if (isBlank(text)) {
            violations.add(new FieldViolation("justification", "is required"));
        } else if (hasControlCharacters(text)) {
            violations.add(new FieldViolation("justification", CONTROL_CHARACTERS));
        } else if (text.strip().length() < JUSTIFICATION_MIN) {
            violations.add(new FieldViolation("justification",
                    "must be at least " + JUSTIFICATION_MIN + " characters"));
        } else if (text.length() > JUSTIFICATION_MAX) {
            violations.add(new FieldViolation("justification",
                    "must be at most " + JUSTIFICATION_MAX + " characters"));
        }
    }

    private static void checkTicket(String text, AccessPolicy policy,
            List<FieldViolation> violations) {
        if (isBlank(text)) {
            if (policy != null && policy.ticketRequired()) {
                violations.add(new FieldViolation("ticket", "is required for this entitlement"));
            }
        } else if (text.strip().length() > TICKET_MAX) {
            violations.add(new FieldViolation("ticket",
                    "must be at most " + TICKET_MAX + " characters"));
        } else if (!TICKET.matcher(text.strip()).matches()) {
            violations.add(new FieldViolation("ticket",
                    "may hold only letters, digits and _ . / # -, starting with a letter or digit"));
        }
    }

    public static final String CONTROL_CHARACTERS =
            "must not contain control characters other than line breaks and tabs";

    /** Whether the text is shaped like a catalog key; lookups happen only for those. */
    public static boolean isEntitlementKey(String text) {
        return text != null && ENTITLEMENT_KEY.matcher(text).matches();
    }

    /**
     * NUL and other control characters (PostgreSQL refuses NUL in text) and unpaired
     * surrogates have no place in a justification or comment.
     */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return true;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
