package dev.elevate.web.page;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.inject.Named;

import io.vertx.core.Context;

import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.CurrentCaller;

/** The signed-in person as the layout shows them: name, and which menus apply. */
@Named("viewer")
@RequestScoped
public class Viewer {

    /** Set by {@code /static/elevate.js} from the browser's Intl time zone. */
    public static final String ZONE_COOKIE = "elevate-tz";

    @Inject
    CurrentCaller caller;

    @Inject
    EntitlementCatalog catalog;

    @Inject
    HttpHeaders headers;

    private Boolean mayRequest;
    private Boolean mayApprove;
    private ZoneId zone;

    /**
     * The zone pages show times in: the token's {@code zoneinfo} (the Keycloak profile), else
     * the browser's zone that the page script stores in a cookie, else UTC.
     */
    public ZoneId zone() {
        if (zone == null) {
            zone = (isSignedIn() ? caller.get().zone() : Optional.<ZoneId>empty())
                    .or(this::browserZone)
                    .orElse(ZoneOffset.UTC);
        }
        return zone;
    }

    public ZoneId getZone() {
        return zone();
    }

    /** For example "Europe/Berlin (UTC+01:00 now)". */
    public String getZoneLabel() {
        ZoneId id = zone();
        return id.getId() + " (UTC" + DisplayExtensions.offset(id) + " now)";
    }

    private Optional<ZoneId> browserZone() {
        if (onEventLoop()) {
            return Optional.empty();
        }
        Cookie cookie = headers.getCookies().get(ZONE_COOKIE);
        if (cookie == null || cookie.getValue().length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(cookie.getValue()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public boolean isSignedIn() {
        return !onEventLoop() && caller.isSignedIn();
    }

    public String getUsername() {
        return isSignedIn() ? caller.get().username() : "";
    }

    /** Whether the catalog lets this person request anything (through a role or a group). */
    public boolean isEngineer() {
        if (mayRequest == null) {
            mayRequest = isSignedIn() && !catalog.requestableBy(caller.get()).isEmpty();
        }
        return mayRequest;
    }

    /** Whether the catalog lets this person decide on anything. */
    public boolean isApprover() {
        if (mayApprove == null) {
            mayApprove = isSignedIn() && !catalog.approvableBy(caller.get()).isEmpty();
        }
        return mayApprove;
    }

    // NB. Error pages for unmatched paths render on the event loop, where neither the lazily
    // resolved identity nor the catalog may be read: they show no menu.
    private static boolean onEventLoop() {
        return Context.isOnEventLoopThread();
    }

    public boolean isAuditor() {
        return has(AppRole.AUDITOR) || has(AppRole.ADMIN);
    }

    public boolean isAdmin() {
        return has(AppRole.ADMIN);
    }

    private boolean has(String role) {
        return isSignedIn() && caller.get().hasRole(role);
    }
}
