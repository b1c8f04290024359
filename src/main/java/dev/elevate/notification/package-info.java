/**
 * Telling people: messages are written to an outbox in the transaction that caused them and
 * delivered afterwards, with retries; {@code slack} posts them to an incoming webhook.
 */
package dev.elevate.notification;
