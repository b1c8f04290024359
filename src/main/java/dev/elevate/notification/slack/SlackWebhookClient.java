package dev.elevate.notification.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.notification.NotificationConfig;

/**
 * Posts a message to a Slack incoming webhook. The webhook URL is a secret: it appears in no
 * log line and no error message.
 */
@ApplicationScoped
public class SlackWebhookClient {

    @Inject
    NotificationConfig config;

    private volatile HttpClient http;

    public boolean isConfigured() {
        return config.slack().webhookUrl().isPresent();
    }

    /** Delivers the payload; throws with a URL-free message when Slack did not take it. */
    public void post(String payloadJson) throws SlackDeliveryException {
        URI url = config.slack().webhookUrl()
                .orElseThrow(() -> new SlackDeliveryException("no Slack webhook configured"));
        if (url.getHost() == null || !("https".equals(url.getScheme())
                || "http".equals(url.getScheme()))) {
            throw new SlackDeliveryException("the Slack webhook URL is not an absolute http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.slack().requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payloadJson))
                .build();
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SlackDeliveryException("Slack webhook did not answer: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackDeliveryException("interrupted while posting to Slack");
        }
        if (response.statusCode() / 100 != 2) {
            throw new SlackDeliveryException("Slack webhook answered HTTP " + response.statusCode()
                    + ": " + abbreviate(response.body()));
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(config.slack().connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
