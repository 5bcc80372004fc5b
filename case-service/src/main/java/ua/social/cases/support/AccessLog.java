package ua.social.cases.support;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Records every read of a client record or case file: who, when, which record, what was read. */
@ApplicationScoped
public class AccessLog {

    @Inject
    Clock clock;

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

    /** One entry per record shown (each once), in one transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, RecordType type, String what, Collection<UUID> recordIds) {
        for (UUID id : new LinkedHashSet<>(recordIds)) {
            if (id != null) {
                read(caller, type, id, what);
            }
        }
    }

    public List<AccessLogEntry> of(RecordType type, UUID recordId, int page, int size) {
        return AccessLogEntry.find("recordType = ?1 and recordId = ?2", Sort.by("id").descending(), type.name(), recordId)
                .page(Page.of(page, size)).list();
    }

    public long count(RecordType type, UUID recordId) {
        return AccessLogEntry.count("recordType = ?1 and recordId = ?2", type.name(), recordId);
    }
}
