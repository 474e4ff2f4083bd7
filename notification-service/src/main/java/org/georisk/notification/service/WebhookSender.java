package org.georisk.notification.service;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.georisk.contracts.HeaderNames;
import org.georisk.notification.config.NotificationConfig;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs one signed alert. The URL is checked ({@link WebhookUrlPolicy}) right before each attempt, DNS may have
 * changed since the subscription was accepted, and the connection goes to exactly the address that check resolved
 * (Vert.x {@code RequestOptions.setServer}): the Host header, SNI and the certificate check use the URL's name, but no
 * second lookup happens, so DNS rebinding cannot lead it elsewhere. Redirects are not followed (a redirect could
 * point anywhere).
 */
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

    @Inject
    public WebhookSender(NotificationConfig config, Vertx vertx) {
        this(config, vertx, new WebhookUrlPolicy(config.webhooks().allowLoopback()));
    }

    WebhookSender(NotificationConfig config, Vertx vertx, WebhookUrlPolicy policy) {
        this.config = config;
        this.policy = policy;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.webhooks().connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false));
    }

    public CompletableFuture<Outcome> send(String url, String secret, String payload) {
        WebhookUrlPolicy.Check check = policy.check(url);
        if (check.refusal() != null) {
            return CompletableFuture.completedFuture(new Outcome(null, "URL " + check.refusal()));
        }
        WebhookTarget target = check.target();
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setIdleTimeout(config.webhooks().readTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(HeaderNames.SIGNATURE, WebhookSigner.signature(secret, body));
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        client.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .onSuccess(response -> outcome.complete(response.statusCode() / 100 == 2
                        ? new Outcome(response.statusCode(), null)
                        : new Outcome(response.statusCode(), "HTTP " + response.statusCode())))
                .onFailure(e -> outcome.complete(new Outcome(null, describe(e))));
        return outcome;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
