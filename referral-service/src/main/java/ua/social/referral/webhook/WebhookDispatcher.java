package ua.social.referral.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import ua.social.referral.config.ReferralConfig;

import java.util.List;

/**
 * The scheduled job that sends webhook deliveries, never in a request of a partner or case manager. Each round
 * claims due deliveries ({@link WebhookDeliveries#claim}: {@code FOR UPDATE SKIP LOCKED}, so several instances
 * never send the same one at once), sends them outside any transaction, and records each outcome.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int ROUNDS = 20;

    @Inject
    ReferralConfig config;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookSender sender;

    @Scheduled(every = "${referral.webhooks.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (!config.webhooks().enabled()) {
            return;
        }
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<WebhookDeliveries.Claimed> batch = deliveries.claim(config.webhooks().batchSize());
                for (WebhookDeliveries.Claimed c : batch) {
                    WebhookSender.Outcome outcome = sender.send(c.request());
                    deliveries.record(c, outcome);
                }
                if (batch.size() < config.webhooks().batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook dispatch failed, will retry: %s", e.getMessage());
        }
    }
}
