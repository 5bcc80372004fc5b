package ua.social.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumers: an event id is recorded in {@code processed_event} in the same transaction
 * as the change the event causes. A redelivered or replayed event is recognised and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time this event id is seen (and records it); false for a repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(CloudEvent event) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (event_id, type) VALUES (?1, ?2) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, event.id()).setParameter(2, event.type()).executeUpdate();
        return inserted == 1;
    }

    /** True when an event with this id has been applied (for re-driving dead letters). */
    @Transactional
    public boolean seen(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty();
    }
}
