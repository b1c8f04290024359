package dev.elevate.entitlement.policy;

/** No policy change with that id. */
public class PolicyChangeNotFoundException extends RuntimeException {

    public PolicyChangeNotFoundException() {
        super("No such policy change");
    }
}
