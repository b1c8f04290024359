/**
 * Who is acting: the signed-in caller with their Keycloak subject, username, roles and groups,
 * the channel they act through, and the scheduler acting on its own.
 */
package dev.elevate.identity;
