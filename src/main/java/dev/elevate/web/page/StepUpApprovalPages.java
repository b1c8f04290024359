package dev.elevate.web.page;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

/**
 * The review page again, under the {@code step-up} OIDC tenant: reaching it makes Keycloak
 * ask for a second factor ({@code acr_values=gold}), and decisions posted here carry that
 * sign-in's {@code acr} and {@code auth_time}, which the policy checks and the approval
 * records.
 */
@Path(StepUpApprovalPages.PATH)
@Authenticated
public class StepUpApprovalPages extends ApprovalPages {

    static final String PATH = "/step-up/approvals";
    private static final String SESSION_COOKIE = "q_session_step-up";

    @Override
    String base() {
        return PATH;
    }

    /** Expires the step-up session cookie (and its chunks), so the next visit signs in anew. */
    static void dropStepUpSession(Response.ResponseBuilder response) {
        response.cookie(expired(SESSION_COOKIE));
        for (int chunk = 1; chunk <= 4; chunk++) {
            response.cookie(expired(SESSION_COOKIE + "_chunk_" + chunk));
        }
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).path("/").maxAge(0).value("").build();
    }
}
