package ua.social.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Records the ids of a batch of events in one statement and gives those seen for the first time (an id
     * twice in the batch is given once): the batch's changes are applied for these only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTimes(List<CloudEvent> events) {
        String[] ids = events.stream().map(CloudEvent::id).toArray(String[]::new);
        String[] types = events.stream().map(CloudEvent::type).toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_event (event_id, type) "
                    + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("text", types));
                Set<String> first = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getString(1));
                    }
                }
                return first;
            }
        });
    }

    /** True when an event with this id has been applied (for re-driving dead letters). */
    @Transactional
    public boolean seen(String eventId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty();
    }
}
