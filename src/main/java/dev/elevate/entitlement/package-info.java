/**
 * The catalog of what can be requested: each entitlement names its connector and target, its
 * duration bounds, who may request and approve it, and how many approvals it needs.
 */
package dev.elevate.entitlement;
