package dev.elevate.web.error;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.approval.StepUpRequiredException;
import dev.elevate.entitlement.policy.InvalidPolicyDocumentException;
import dev.elevate.grant.ExtensionNotFoundException;
import dev.elevate.entitlement.policy.PolicyChangeNotFoundException;
import dev.elevate.identity.directory.DirectoryException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestNotFoundException;
import dev.elevate.web.security.CsrfRejectedException;

/**
 * The one place errors become responses: {@code application/problem+json} under
 * {@code /api}, an error page elsewhere. People see a message and a correlation id, never an
 * exception's class or stack.
 */
public class ErrorMapping {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(ErrorMapping.class);
    /** How Jackson names a field given twice, with strict duplicate detection on. */
    private static final Pattern DUPLICATE_FIELD =
            Pattern.compile("^Duplicate field '([^']{1,64})'");

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return respond(uri, problem(400, "Invalid input", "One or more fields break a rule",
                e.violations(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidPolicy(InvalidPolicyDocumentException e, UriInfo uri) {
        return respond(uri, problem(400, "Invalid policy document",
                "The document was refused whole; nothing was stored",
                e.problems().stream().map(p -> new FieldViolation(
                        p.path().isEmpty() ? "document" : p.path(),
                        (p.line() > 0 ? "line " + p.line() + ": " : "") + p.rule())).toList(),
                List.of()));
    }

    @ServerExceptionMapper
    public Response policyChangeNotFound(PolicyChangeNotFoundException e, UriInfo uri) {
        return respond(uri, problem(404, "Not found", e.getMessage(), List.of(), List.of()));
    }

    /** RFC 9470: tell the client which sign-in would do, so it can ask Keycloak for it. */
    @ServerExceptionMapper
    public Response stepUp(StepUpRequiredException e, UriInfo uri) {
        Problem problem = problem(401, "Step-up required", e.getMessage(), List.of(),
                e.reasons());
        if (!isApi(uri)) {
            return respond(uri, problem);
        }
        return Response.status(401).type(PROBLEM_JSON).entity(problem)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"A sign-in with a second factor is required\", "
                        + "acr_values=\"" + e.acr() + "\", max_age=" + e.maxAge().toSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response directory(DirectoryException e, UriInfo uri) {
        LOG.warnf("Keycloak unavailable for a live check: %s", e.getMessage());
        return respond(uri, problem(503, "Keycloak unavailable",
                "Elevate checks rights against Keycloak at the moment of each decision and "
                        + "could not reach it; nothing was changed, try again shortly",
                List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response notEligible(NotEligibleException e, UriInfo uri) {
        return respond(uri, problem(403, "Not allowed", e.getMessage(), List.of(), e.reasons()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e, UriInfo uri) {
        Problem problem = problem(401, "Sign-in required",
                "Send a valid Keycloak access token as a bearer token", List.of(), List.of());
        return Response.status(401).type(PROBLEM_JSON).entity(problem)
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, problem(403, "Not allowed",
                "Your roles do not allow this page or call", List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejectedException e, UriInfo uri) {
        return respond(uri, problem(403, "Form rejected", e.getMessage(), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response notFound(RequestNotFoundException e, UriInfo uri) {
        return respond(uri, problem(404, "Not found", e.getMessage(), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response extensionNotFound(ExtensionNotFoundException e, UriInfo uri) {
        return respond(uri, problem(404, "Not found", e.getMessage(), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response conflict(RequestConflictException e, UriInfo uri) {
        return respond(uri, problem(409, "Conflict", e.getMessage(), List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(uri, problem(400, "Invalid input", "The body has a field Elevate does not know",
                List.of(new FieldViolation(e.getPropertyName(), "is not a known field")), List.of()));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
        String rule = e instanceof InvalidFormatException && e.getTargetType() != String.class
                ? "has the wrong format" : "must be " + describe(e.getTargetType());
        return respond(uri, problem(400, "Invalid input", "A field has the wrong type",
                List.of(new FieldViolation(field == null ? "body" : field, rule)), List.of()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        Matcher twice = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (twice.find()) {
            return respond(uri, problem(400, "Invalid input", "The body gives a field twice",
                    List.of(new FieldViolation(twice.group(1), "is given more than once")),
                    List.of()));
        }
        return respond(uri, problem(400, "Invalid input", "The body is not valid JSON",
                List.of(new FieldViolation("body", "must be a JSON object")), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps some body-reading failures; answer them like the bare ones.
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not take that method";
            case 415 -> "Send JSON to the API and form posts to pages";
            default -> title;
        };
        return respond(uri, problem(status, title, detail, List.of(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlationId=%s path=%s", id, uri.getPath());
        return respond(uri, new Problem("about:blank", "Something went wrong", 500,
                "Elevate could not complete this; quote the correlation id to an operator",
                List.of(), List.of(), id));
    }

    private static Problem problem(int status, String title, String detail,
            List<FieldViolation> errors, List<String> reasons) {
        return new Problem("about:blank", title, status, detail, errors, reasons,
                UUID.randomUUID().toString());
    }

    private static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Response respond(UriInfo uri, Problem problem) {
        if (isApi(uri)) {
            return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(problem)).build();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a JSON object";
    }
}
