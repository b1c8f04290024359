package dev.elevate.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.QueryParam;

import dev.elevate.audit.AuditQuery;
import dev.elevate.web.AuditFilter;

/** The audit page's filter fields, kept as typed so the form shows them again. */
public class AuditFilterForm {

    @QueryParam("request")
    public String request;

    @QueryParam("person")
    public String person;

    @QueryParam("entitlement")
    public String entitlement;

    @QueryParam("type")
    public String type;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    public AuditQuery query() {
        return AuditFilter.parse(request, person, entitlement, type, from, to);
    }

    /** The filters as a query string, for paging and export links. */
    public String queryString() {
        StringBuilder text = new StringBuilder();
        append(text, "request", request);
        append(text, "person", person);
        append(text, "entitlement", entitlement);
        append(text, "type", type);
        append(text, "from", from);
        append(text, "to", to);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(text.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
