/**
 * The audit trail: an append-only table written in the same transaction as each state change,
 * one method per recorded fact, and the queries auditors search and export it with.
 */
package dev.elevate.audit;
