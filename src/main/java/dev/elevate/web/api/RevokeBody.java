package dev.elevate.web.api;

/** The optional body of a revoke call: why the access ends early. */
public record RevokeBody(String reason) {
}
