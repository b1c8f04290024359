package dev.elevate.identity;

/** Elevate's own roles, as realm roles in Keycloak. */
public final class AppRole {

    public static final String ENGINEER = "elevate-engineer";
    public static final String APPROVER = "elevate-approver";
    public static final String AUDITOR = "elevate-auditor";
    public static final String ADMIN = "elevate-admin";

    private AppRole() {
    }
}
