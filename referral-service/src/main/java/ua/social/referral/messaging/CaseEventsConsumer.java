package ua.social.referral.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.EventConsumers;
import ua.social.messaging.EventTopics;
import ua.social.messaging.TopicConsumer;
import ua.social.referral.config.ReferralConfig;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads case-service's events ({@code platform.topics.case-events}) from start-up to shut-down on its own thread and hands each event to
 * {@link CaseProjector} (consumer group {@code referral.case-events.group-id}).
 */
@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    CaseProjector projector;
    @Inject
    ReferralConfig config;
    @Inject
    EventConsumers consumers;
    @Inject
    EventTopics topics;
    @Inject
    EntityManager em;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent ev) {
        if (!config.caseEvents().enabled()) {
            return;
        }
        Consumer<CloudEvent> apply = event -> {
            if (CaseProjector.handles(event.type())) {
                projector.apply(event);
            }
        };
        // batched: the events of a poll in one transaction (one commit, not one per event: a community's
        // bulk import or a national backlog of case events is millions), one by one only when that fails.
        // Each event's changes are written and let go before the next: Hibernate checks every entity it holds
        // before each query, so a poll of thousands held together cost time in the square of its size (a
        // profile of the 1 M-case bench: most of referral-service's CPU in prepareEntityFlushes, 440 events/s)
        consumer = consumers.start(config.caseEvents().groupId(), List.of(topics.caseEvents()), apply,
                events -> events.forEach(event -> {
                    apply.accept(event);
                    em.flush();
                    em.clear();
                }));
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
