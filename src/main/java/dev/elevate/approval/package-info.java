/**
 * Who must say yes, and the decisions they make. {@code policy} holds the pure rules that
 * explain, for one approver and one request, what is met and what is not.
 */
package dev.elevate.approval;
