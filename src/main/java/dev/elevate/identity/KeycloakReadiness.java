package dev.elevate.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Keycloak serves the realm's discovery document: no sign-in works without it. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Override
    public HealthCheckResponse call() {
        String discovery = realmUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(discovery))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return HealthCheckResponse.named("keycloak").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
        return HealthCheckResponse.named("keycloak").status(status == 200)
                .withData("realm", realmUrl).withData("status", status).build();
    }
}
