package dev.elevate.request;

/** No such request, or not one the caller may see; the two are told apart to nobody. */
public class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException() {
        super("Access request does not exist or you have no access to it");
    }
}
