package org.georisk.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.Headers;
import org.georisk.notification.config.NotificationConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** POSTs one signed alert with the JDK HttpClient: connect timeout on the client, read timeout per request. */
@ApplicationScoped
public class WebhookSender {

    /** How one attempt ended: an HTTP status (null when none came back) and, on failure, why. */
    public record Outcome(Integer status, String error) {
        public boolean delivered() {
            return error == null;
        }
    }

    private final NotificationConfig config;
    private final WebhookUrlPolicy policy;
    private final HttpClient client;

    public WebhookSender(NotificationConfig config) {
        this.config = config;
        this.policy = new WebhookUrlPolicy(config.webhooks().allowPrivate());
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead to an address the policy refuses
                .build();
    }

    public CompletableFuture<Outcome> send(String url, String secret, String payload) {
        // checked again at send time: DNS may have changed since the subscription was accepted
        Optional<String> refusal = policy.refusal(url);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(null, "URL " + refusal.get()));
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.webhooks().readTimeout())
                .header("Content-Type", "application/json")
                .header(Headers.SIGNATURE, WebhookSigner.signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() / 100 == 2
                        ? new Outcome(response.statusCode(), null)
                        : new Outcome(response.statusCode(), "HTTP " + response.statusCode()))
                .exceptionally(e -> new Outcome(null, describe(e)));
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
