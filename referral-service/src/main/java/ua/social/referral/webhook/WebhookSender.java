package ua.social.referral.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.referral.config.ReferralConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends one signed delivery with the JDK's HTTP client: {@code POST}, {@code Content-Type: application/json},
 * the three Standard Webhooks headers signed at the time of sending. Redirects are not followed (a 3xx is a failed
 * attempt); the answer's body is not read beyond its status.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came of one attempt: the receiver's status code, or the error when it did not answer. */
    public record Outcome(Integer statusCode, String error, long durationMs) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** What to send: the endpoint, its secret, the delivery id and the body as stored. */
    public record Request(String url, String secret, String deliveryId, String body) {
    }

    static final String USER_AGENT = "social-services-platform-webhooks/1";

    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;

    private volatile HttpClient client;
    private volatile ExecutorService executor;

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    executor = Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "webhook-sender");
                        t.setDaemon(true);
                        return t;
                    });
                    client = HttpClient.newBuilder().connectTimeout(config.webhooks().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
                }
            }
        }
        return client;
    }

    public Outcome send(Request r) {
        long timestamp = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(r.url()))
                    .timeout(config.webhooks().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignatures.ID, r.deliveryId())
                    .header(WebhookSignatures.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignatures.SIGNATURE, WebhookSignatures.sign(r.secret(), r.deliveryId(), timestamp, r.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, millisSince(started));
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, describe(e), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted while sending", millisSince(started));
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String describe(Exception e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @PreDestroy
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
