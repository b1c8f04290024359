package dev.elevate.web.page;

import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.elevate.audit.AuditEvent;
import dev.elevate.audit.AuditEventRepository;
import dev.elevate.audit.AuditEventType;
import dev.elevate.audit.AuditQuery;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.web.AuditFilter;

/** The auditors' history: search, page through and export the trail. */
@Path("/audit")
@RolesAllowed({AppRole.AUDITOR, AppRole.ADMIN})
public class AuditPages {

    static final int PAGE_SIZE = 50;
    private static final Logger LOG = Logger.getLogger(AuditPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(List<AuditEvent> events, AuditFilterForm filter,
                FormErrors errors, List<String> types, int page, int pages, long total);
    }

    @Inject
    AuditEventRepository events;

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response history(@BeanParam AuditFilterForm filter,
            @QueryParam("page") @DefaultValue("0") String pageText) {
        List<String> types = Stream.of(AuditEventType.values()).map(AuditEventType::code).toList();
        AuditQuery query;
        int page;
        try {
            query = filter.query();
            page = AuditFilter.number("page", pageText, 0, AuditFilter.lastPage(PAGE_SIZE));
        } catch (InvalidRequestException e) {
            return Response.status(400).entity(Templates.history(List.of(), filter,
                    FormErrors.of(e.violations()), types, 0, 0, 0)).build();
        }
        PanacheQuery<AuditEvent> found = events.search(query)
                .page(Page.of(page, PAGE_SIZE));
        return Response.ok(Templates.history(found.list(), filter, FormErrors.none(), types,
                page, found.pageCount(), found.count())).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam AuditFilterForm filter) {
        AuditQuery query = filter.query();
        LOG.infof("audit export: by=%s filter=%s", caller.get().username(), query);
        StreamingOutput body = out -> AuditCsv.write(events, query, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"elevate-audit.csv\"")
                .build();
    }
}
