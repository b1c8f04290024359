package dev.elevate.web.security;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF token of this browser (double-submit cookie): templates put it in every form as
 * {@code {inject:csrf.token}}, and {@link CsrfFilter} compares the two on each POST.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    public static final String COOKIE = "elevate-csrf";
    public static final String FORM_FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;

    private String token;
    private boolean issued;

    /** The token, issued now (and set as a cookie on the response) if the browser has none. */
    public String getToken() {
        if (token == null) {
            token = fromCookie();
        }
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = true;
        }
        return token;
    }

    public String fieldName() {
        return FORM_FIELD;
    }

    String fromCookie() {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    boolean isIssued() {
        return issued;
    }
}
