package dev.elevate.web.api;

/** The body of approve and deny calls; only a comment, so nothing else can be changed. */
public record DecisionBody(String comment) {
}
