package ua.social.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The version of the read models: it grows with every transaction that changes them, on every instance, so a
 * cached statistics answer can tell whether the counts it was built from are still the database's
 * (the statistics cache). Each process keeps its own row of {@code read_model_version}, so instances never
 * wait on each other; the version is the sum of the rows.
 */
@ApplicationScoped
public class ReadModelVersion {

    private static final Object MARK = new Object();
    private final UUID instance = UUID.randomUUID();

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records that the running transaction changes the read models (once per transaction, however many events
     * it applies). It becomes visible, and so invalidates cached answers, when that transaction commits.
     */
    public void changing() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the read models change only inside a transaction");
        }
        if (transactions.getResource(MARK) != null) {
            return;
        }
        transactions.putResource(MARK, Boolean.TRUE);
        em.createNativeQuery("INSERT INTO read_model_version (instance, changes) VALUES (?1, 1) "
                        + "ON CONFLICT (instance) DO UPDATE SET changes = read_model_version.changes + 1")
                .setParameter(1, instance).executeUpdate();
    }

    /** The current version: read before the counts, so an answer is never kept under a newer version. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long current() {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(changes), 0) FROM read_model_version")
                .getSingleResult()).longValue();
    }
}
