/**
 * Access in force: the grant that follows an approval, its activation and revocation with
 * retries, and {@code connector}, the only code that touches target systems.
 */
package dev.elevate.grant;
