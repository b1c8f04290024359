package dev.elevate.identity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The verified OIDC identity of the current request, as a {@link Caller}.
 *
 * <p>NB. Request scoped and proxied on purpose: resources are singletons, so they must ask
 * for the caller on each call rather than hold one.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    private Caller read() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("no signed-in caller on this request");
        }
        String username = token.getClaim("preferred_username");
        return new Caller(token.getSubject(), username == null ? token.getSubject() : username,
                identity.getRoles(), groups(), signIn(), zone());
    }

    private SignIn signIn() {
        Object acr = token.getClaim("acr");
        Object authTime = token.getClaim("auth_time");
        Instant at = authTime instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : authTime == null ? null : parseEpoch(unquote(authTime));
        // Keycloak puts 0 in tokens that no interactive sign-in stands behind (the password
        // grant): that is no sign-in time at all, not one in 1970.
        Instant known = at == null || at.getEpochSecond() <= 0 ? null : at;
        return new SignIn(acr == null ? null : unquote(acr), known);
    }

    private static Instant parseEpoch(String text) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<ZoneId> zone() {
        Object claim = token.getClaim("zoneinfo");
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(unquote(claim)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Set<String> groups() {
        Object claim = token.getClaim("groups");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(CurrentCaller::unquote).collect(Collectors.toSet());
        }
        return Set.of();
    }

    // JSON array claims may arrive as JsonString values whose toString() keeps the quotes.
    private static String unquote(Object value) {
        String text = value.toString();
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
