/**
 * The contract every connector implements, and the registry that picks one by name. Connectors
 * are idempotent: granting what is held, or removing what is gone, counts as done.
 */
package dev.elevate.grant.connector;
