package ua.social.referral.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ua.social.messaging.EventConsumers;
import ua.social.messaging.EventTopics;
import ua.social.messaging.TopicConsumer;
import ua.social.referral.config.ReferralConfig;
import ua.social.referral.webhook.WebhookFeed;

import java.util.List;

/**
 * Reads this service's own referral events ({@code platform.topics.referral-events}, as the outbox relay published
 * them) in the consumer group {@code referral.webhooks.group-id} and hands each to {@link WebhookFeed}, which
 * records the partners' webhook deliveries. The topic is keyed by the case id, so a referral's events arrive in
 * order.
 */
@ApplicationScoped
public class ReferralEventsWebhookConsumer {

    @Inject
    WebhookFeed feed;
    @Inject
    ReferralConfig config;
    @Inject
    EventConsumers consumers;
    @Inject
    EventTopics topics;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent ev) {
        if (!config.webhooks().enabled()) {
            return;
        }
        consumer = consumers.start(config.webhooks().groupId(), List.of(topics.referralEvents()), event -> {
            if (WebhookFeed.handles(event.type())) {
                feed.apply(event);
            }
        });
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
