package ua.social.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.contracts.event.CaseEvent;
import ua.social.contracts.event.Topics;
import ua.social.messaging.EventOutbox;
import ua.social.messaging.EventTopics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * case-service's events, written into the shared transactional outbox in the caller's transaction:
 * an event exists exactly when the change it describes was committed. The relay publishes them to
 * {@code platform.topics.case-events} (by default {@value Topics#CASE_EVENTS}) as CloudEvents (binary
 * mode), keyed by case id (or client id before a case exists). The data are the contract's records
 * ({@link CaseEvent}), each checked against its JSON Schema in docs/events/.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String SOURCE = "/case-service";

    @Inject
    EventOutbox outbox;
    @Inject
    EventTopics topics;

    /**
     * @param key     partition key: the case id, so one case's events stay in order
     * @param subject CloudEvents subject: the id of what the event is about
     * @param data    the event's data, a record of the contract (no personal data beyond what consumers need)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID key, UUID subject, CaseEvent data) {
        outbox.publish(topics.caseEvents(), data.eventType(), key, subject, data);
    }

    /** The event of a fact that happened at {@code occurredAt} (an imported historical record): its CloudEvent time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID key, UUID subject, CaseEvent data, OffsetDateTime occurredAt) {
        outbox.publish(topics.caseEvents(), data.eventType(), key, subject, data, occurredAt);
    }
}
