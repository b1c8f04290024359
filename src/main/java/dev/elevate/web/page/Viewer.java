package dev.elevate.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.Context;

import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.CurrentCaller;

/** The signed-in person as the layout shows them: name, and which menus apply. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    CurrentCaller caller;

    @Inject
    EntitlementCatalog catalog;

    private Boolean mayRequest;
    private Boolean mayApprove;

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
