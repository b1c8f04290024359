package dev.elevate.approval;

/** What an approver said. */
public enum Decision { APPROVE, DENY }
