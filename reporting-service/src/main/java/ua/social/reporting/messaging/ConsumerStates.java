package ua.social.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The one row saying which consumer group feeds the read models ({@code consumer_state}). The group id
 * is the configured prefix plus a random suffix, chosen when the read models are empty: on the first
 * start of a fresh database and at every replay. A fresh database therefore never inherits offsets
 * committed for older read models, and reads both topics from their beginning.
 */
@ApplicationScoped
public class ConsumerStates {

    /** The generation counts replays; events handled under an older generation change nothing. */
    public record State(int generation, String groupId) {
    }

    @Inject
    EntityManager em;

    /** The current state, choosing a group id first if there is none yet. */
    @Transactional
    public State ensureGroup(String prefix) {
        em.createNativeQuery("UPDATE consumer_state SET group_id = ?1 WHERE id = 1 AND group_id IS NULL")
                .setParameter(1, newGroupId(prefix)).executeUpdate();
        return read(false);
    }

    /** The current state, locked until the caller's transaction ends: consumers wait, then see the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public State lock() {
        return read(true);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public State advance(State from, String prefix) {
        State next = new State(from.generation() + 1, newGroupId(prefix));
        em.createNativeQuery("UPDATE consumer_state SET generation = ?1, group_id = ?2 WHERE id = 1")
                .setParameter(1, next.generation()).setParameter(2, next.groupId()).executeUpdate();
        return next;
    }

    private State read(boolean forUpdate) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT generation, group_id FROM consumer_state WHERE id = 1"
                + (forUpdate ? " FOR UPDATE" : "")).getSingleResult();
        return new State(((Number) row[0]).intValue(), (String) row[1]);
    }

    static String newGroupId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
