package dev.elevate.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.elevate.identity.AppRole;
import dev.elevate.identity.CurrentCaller;

/** The signed-in person as the layout shows them: name, and which menus apply. */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    CurrentCaller caller;

    public boolean isSignedIn() {
        return caller.isSignedIn();
    }

    public String getUsername() {
        return caller.isSignedIn() ? caller.get().username() : "";
    }

    public boolean isEngineer() {
        return has(AppRole.ENGINEER);
    }

    public boolean isApprover() {
        return has(AppRole.APPROVER);
    }

    public boolean isAuditor() {
        return has(AppRole.AUDITOR) || has(AppRole.ADMIN);
    }

    public boolean isAdmin() {
        return has(AppRole.ADMIN);
    }

    private boolean has(String role) {
        return caller.isSignedIn() && caller.get().hasRole(role);
    }
}
