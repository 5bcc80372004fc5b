package ua.social.cases.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import ua.social.cases.config.CaseConfig;
import ua.social.messaging.EventConsumers;
import ua.social.messaging.EventTopics;
import ua.social.messaging.TopicConsumer;

import java.util.List;

/** Reads referral-service's events ({@code platform.topics.referral-events}) for the life of the service and hands each event to {@link ReferralEventHandler}. */
@ApplicationScoped
public class ReferralEventsConsumer {

    @Inject
    ReferralEventHandler handler;
    @Inject
    CaseConfig config;
    @Inject
    EventConsumers consumers;
    @Inject
    EventTopics topics;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent ev) {
        consumer = consumers.start(config.referralEvents().consumerGroup(), List.of(topics.referralEvents()), handler::apply);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
