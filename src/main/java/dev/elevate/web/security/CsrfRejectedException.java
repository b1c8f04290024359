package dev.elevate.web.security;

/** A page form arrived without the matching CSRF token; nothing was done. */
public class CsrfRejectedException extends RuntimeException {

    public CsrfRejectedException(String message) {
        super(message);
    }
}
