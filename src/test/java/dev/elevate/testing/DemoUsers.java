package dev.elevate.testing;

/** The dev realm's demo users; their passwords are dev-only values from keycloak-realm/. */
public final class DemoUsers {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String CAROL = "carol";
    public static final String DAVE = "dave";
    public static final String ERIN = "erin";
    public static final String FRANK = "frank";

    private DemoUsers() {
    }

    public static String password(String username) {
        return username + "-dev-password";
    }
}
