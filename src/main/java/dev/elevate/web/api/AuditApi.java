package dev.elevate.web.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;

import dev.elevate.audit.AuditEvent;
import dev.elevate.audit.AuditEventRepository;
import dev.elevate.audit.AuditQuery;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.NotEligibleException;
import dev.elevate.web.AuditFilter;
import dev.elevate.web.RequestDetailsQuery;

/**
 * The audit trail, oldest first. Auditors and admins search all of it; anyone who may see a
 * request may read that request's events.
 */
@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    AuditEventRepository events;

    @Inject
    RequestDetailsQuery requests;

    @Inject
    CurrentCaller caller;

    @GET
    @Transactional
    public Response search(@QueryParam("request") String request,
            @QueryParam("person") String person, @QueryParam("entitlement") String entitlement,
            @QueryParam("type") String type, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        AuditQuery query = AuditFilter.parse(request, person, entitlement, type, from, to);
        int size = AuditFilter.number("size", sizeText, 1, MAX_PAGE_SIZE);
        int page = AuditFilter.number("page", pageText, 0, AuditFilter.lastPage(size));
        authorize(query);
        PanacheQuery<AuditEvent> found = events.search(query).page(Page.of(page, size));
        List<AuditEventView> body = found.list().stream().map(AuditEventView::of).toList();
        return Response.ok(body).header("X-Total-Count", found.count()).build();
    }

    private void authorize(AuditQuery query) {
        Caller me = caller.get();
        if (me.hasRole(AppRole.AUDITOR) || me.hasRole(AppRole.ADMIN)) {
            return;
        }
        if (query.requestId() == null) {
            throw new NotEligibleException("Only auditors may search the whole audit trail; "
                    + "filter by a request you can see instead");
        }
        requests.visibleTo(query.requestId(), me);
    }
}
