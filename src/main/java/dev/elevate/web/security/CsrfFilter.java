package dev.elevate.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.elevate.web.WebConfig;

/**
 * Refuses any state-changing page request whose form does not carry the browser's CSRF token.
 * The API is exempt: it accepts only bearer tokens, which a browser never attaches by itself.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);

    @Inject
    CsrfToken csrf;

    @Inject
    WebConfig config;

    @ServerRequestFilter
    @WithFormRead
    public void verify(ResteasyReactiveContainerRequestContext context) {
        String method = context.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || isApi(context.getUriInfo().getPath())) {
            return;
        }
        MediaType type = context.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new CsrfRejectedException("Pages accept only form submissions");
        }
        ResteasyReactiveRequestContext request =
                (ResteasyReactiveRequestContext) context.getServerRequestContext();
        Object sent = request.getFormParameter(CsrfToken.FORM_FIELD, true, false);
        String expected = csrf.fromCookie();
        if (expected == null || !(sent instanceof String text) || !equal(expected, text)) {
            LOG.warnf("CSRF check failed: %s %s", method, context.getUriInfo().getPath());
            throw new CsrfRejectedException(
                    "This form has expired or did not come from Elevate; reload the page and try again");
        }
    }

    @ServerResponseFilter
    public void issueCookie(ContainerResponseContext response) {
        if (csrf.isIssued()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfToken.COOKIE)
                    .value(csrf.getToken())
                    .path("/")
                    .httpOnly(true)
                    // Lax, not Strict: arriving from a Slack link or Keycloak's redirect must
                    // not mint a new token and break forms open in other tabs. The token
                    // comparison is what protects.
                    .sameSite(NewCookie.SameSite.LAX)
                    .secure(config.secureCookies())
                    .build());
        }
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
