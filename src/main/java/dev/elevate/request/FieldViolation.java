package dev.elevate.request;

/** One broken input rule: which field, and the rule it broke, in words a person can act on. */
public record FieldViolation(String field, String rule) {
}
