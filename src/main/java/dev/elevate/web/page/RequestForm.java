package dev.elevate.web.page;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.FormParam;

import dev.elevate.request.RequestDraft;

/** The new-request form as posted. */
public class RequestForm {

    @FormParam("entitlement")
    public String entitlement;

    @FormParam("duration")
    public String duration;

    @FormParam("justification")
    public String justification;

    @FormParam("ticket")
    public String ticket;

    /** A local date-time from the browser's picker, read in the viewer's time zone. */
    @FormParam("startsAt")
    public String startsAt;

    @FormParam("breakGlass")
    public String breakGlass;

    public RequestDraft draft(ZoneId zone) {
        return new RequestDraft(entitlement, duration, justification, ticket,
                startWithOffset(zone), "on".equals(breakGlass) || "true".equals(breakGlass));
    }

    /** The picker's local time as an offset date-time; anything unreadable passes through. */
    private String startWithOffset(ZoneId zone) {
        if (startsAt == null || startsAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(startsAt.strip()).atZone(zone).toOffsetDateTime()
                    .toString();
        } catch (DateTimeParseException e) {
            return startsAt;
        }
    }
}
