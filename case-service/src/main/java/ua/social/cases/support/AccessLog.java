package ua.social.cases.support;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ua.social.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Records every read of a client record or case file: who, when, which record, what was read. */
@ApplicationScoped
public class AccessLog {

    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    public enum RecordType { CLIENT, CASE }

    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, RecordType type, UUID recordId, String what) {
        AccessLogEntry e = new AccessLogEntry();
        e.recordType = type.name();
        e.recordId = recordId;
        e.userId = caller.id();
        e.username = caller.username();
        e.roles = String.join(",", caller.roles());
        e.accessedAt = OffsetDateTime.now(clock);
        e.action = what;
        e.persist();
    }

    /**
     * A response showed these clients' data (names, birth dates, contacts, appeals, household members…):
     * one CLIENT entry per person shown, in the caller's transaction or a new one.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, UUID... clientIds) {
        read(caller, "client data shown", Arrays.asList(clientIds));
    }

    /** As {@link #read(Caller, UUID...)}, saying what showed them (e.g. "client search"); each person once. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, String what, Collection<UUID> clientIds) {
        read(caller, RecordType.CLIENT, what, clientIds);
    }

    /**
     * One entry per record shown (each once, in the order shown), in one transaction and one multi-row
     * {@code INSERT}: a page of 20 records costs one round trip to the database, not 20 (the entity's
     * identity key keeps Hibernate from batching single persists).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, RecordType type, String what, Collection<UUID> recordIds) {
        List<UUID> ids = new LinkedHashSet<>(recordIds).stream().filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() == 1) {
            read(caller, type, ids.get(0), what);
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO access_log (record_type, record_id, user_id, username, roles, "
                + "accessed_at, action) SELECT ?1, v.id, ?2, ?3, ?4, ?5, ?6 FROM (VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(?").append(i + 7).append(" AS uuid), ").append(i).append(")");
        }
        sql.append(") AS v (id, n) ORDER BY v.n");
        var insert = em.createNativeQuery(sql.toString())
                .setParameter(1, type.name())
                .setParameter(2, caller.id())
                .setParameter(3, caller.username())
                .setParameter(4, String.join(",", caller.roles()))
                .setParameter(5, OffsetDateTime.now(clock))
                .setParameter(6, what);
        for (int i = 0; i < ids.size(); i++) {
            insert.setParameter(i + 7, ids.get(i));
        }
        insert.executeUpdate();
    }

    public List<AccessLogEntry> of(RecordType type, UUID recordId, int page, int size) {
        return AccessLogEntry.find("recordType = ?1 and recordId = ?2", Sort.by("id").descending(), type.name(), recordId)
                .page(Page.of(page, size)).list();
    }

    public long count(RecordType type, UUID recordId) {
        return AccessLogEntry.count("recordType = ?1 and recordId = ?2", type.name(), recordId);
    }
}
