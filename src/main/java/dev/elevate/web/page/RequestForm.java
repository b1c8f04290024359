package dev.elevate.web.page;

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

    public RequestDraft draft() {
        return new RequestDraft(entitlement, duration, justification, ticket);
    }
}
