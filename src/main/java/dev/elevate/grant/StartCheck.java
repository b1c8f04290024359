package dev.elevate.grant;

import java.util.List;

import dev.elevate.request.AccessRequest;

/**
 * A check run when a scheduled start is due, before anything is granted; implemented where
 * the rules live (eligibility, approver rights) so grants need not know them.
 */
public interface StartCheck {

    /** Why the request must not start now; empty when it may. */
    List<String> refusals(AccessRequest request);
}
