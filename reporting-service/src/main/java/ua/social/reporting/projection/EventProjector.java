package ua.social.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.event.AppealRecorded;
import ua.social.contracts.event.CaseAssigned;
import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseEvent;
import ua.social.contracts.event.CaseOpened;
import ua.social.contracts.event.CaseReopened;
import ua.social.contracts.event.CaseTransferred;
import ua.social.contracts.event.ContractViolation;
import ua.social.contracts.event.EventData;
import ua.social.contracts.event.EventJson;
import ua.social.contracts.event.ReferralChanged;
import ua.social.contracts.event.ServiceDelivered;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;
import ua.social.reporting.config.ReportingConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies one event of {@code case.events} or {@code referral.events} to the read models, in one
 * transaction with the record of its id in {@code processed_event}: an event seen twice (redelivery,
 * a duplicate on the topic, a replay racing live consumption) changes them once.
 *
 * <p>Only facts are stored, each keyed by what makes it unique, never counters: every statistic is
 * computed when asked, so the read models do not depend on the order in which partitions and topics
 * were read — a replay gives exactly the live result.
 */
@ApplicationScoped
public class EventProjector {


    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processedEvents;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ReadModelVersion version;
    @Inject
    ReportingConfig config;

    private static final Set<String> COUNTED = Stream.concat(
            Stream.of(CaseEvent.APPEAL_RECORDED, CaseEvent.OPENED, CaseEvent.ASSIGNED, CaseEvent.TRANSFERRED,
                    CaseEvent.CLOSED, CaseEvent.REOPENED, CaseEvent.SERVICE_DELIVERED),
            Arrays.stream(ReferralStatus.values()).map(ReferralStatus::eventType)).collect(Collectors.toUnmodifiableSet());

    /**
     * Whether events of this type change the read models. The others (client-registered, stage-changed,
     * plan-revised, consent-changed, response-overdue, and types reporting does not know) are passed
     * over without a transaction.
     */
    public static boolean counts(String type) {
        return COUNTED.contains(type);
    }

    /**
     * @param generation the consumer generation the caller reads for; when a replay has moved on, the
     *                   event is left alone (the new generation's consumer applies it)
     * @return true when the event changed the read models (first time seen, and of a type that counts)
     * @throws ContractViolation when the event's data breaks its contract: it is retried and then
     *                           dead-lettered, never counted half
     */
    @Transactional
    public boolean apply(int generation, CloudEvent event) {
        return applyAll(generation, List.of(event)) == 1;
    }

    /**
     * Applies the events of a batch in the caller's transaction (or one of its own), as {@link #apply} would one
     * after the other, with a few statements for the whole batch: the ids of the events seen for the first time
     * (one statement), then the rows of each read-model table (one statement each), then the intervals of every
     * case the batch changed (recomputed once per case).
     *
     * @return how many of the events changed the read models (first time seen, and of a type that counts)
     * @throws ContractViolation when an event's data breaks its contract: nothing of the batch is applied
     */
    @Transactional
    public int applyAll(int generation, List<CloudEvent> events) {
        List<CloudEvent> counted = events.stream().filter(e -> counts(e.type())).toList();
        if (counted.isEmpty()) {
            return 0;
        }
        Number current = (Number) em.createNativeQuery("SELECT generation FROM consumer_state WHERE id = 1 FOR SHARE")
                .getSingleResult();
        if (current.intValue() != generation) {
            return 0;
        }
        List<EventData> data = counted.stream()
                .map(e -> (EventData) EventJson.read(e.type(), e.data()).orElseThrow()).toList();
        Set<String> first = processedEvents.firstTimes(counted);
        if (first.isEmpty()) {
            return 0;
        }
        version.changing();
        Batch batch = new Batch();
        int applied = 0;
        for (int i = 0; i < counted.size(); i++) {
            // an id twice in one batch is applied once
            if (first.remove(counted.get(i).id())) {
                project(batch, counted.get(i), data.get(i));
                applied++;
            }
        }
        em.unwrap(Session.class).doWork(batch::write);
        return applied;
    }

    /** The rows a batch of events adds, by table, and the cases whose intervals it changes. */
    private static final class Batch {
        final Rows contacts = new Rows("rm_contact", "ON CONFLICT (contact_key) DO NOTHING",
                "contact_key", "kind", "client_key", "oblast", "hromada", "at:timestamptz", "day:date");
        final Rows contactGroups = new Rows("rm_contact_group", "ON CONFLICT DO NOTHING", "contact_key", "grp");
        final Rows cases = new Rows("rm_case", "ON CONFLICT (case_key) DO NOTHING",
                "case_key", "client_key", "client_kind", "model", "oblast", "hromada", "opened_at:timestamptz",
                "day:date");
        final Rows caseGroups = new Rows("rm_case_group", "ON CONFLICT DO NOTHING", "case_key", "grp");
        final Rows changes = new Rows("rm_case_change", "ON CONFLICT (event_id) DO NOTHING",
                "event_id", "case_key", "kind", "at:timestamptz", "day:date", "status", "oblast", "hromada",
                "sets_manager:boolean", "case_manager_key", "model", "closure_reason");
        final Rows services = new Rows("rm_service", "ON CONFLICT (service_id) DO NOTHING",
                "service_id:uuid", "case_key", "appeal_id:uuid", "oblast", "hromada", "category", "day:date");
        final Rows referrals = new Rows("rm_referral_change", "ON CONFLICT (event_id) DO NOTHING",
                "event_id", "referral_id:uuid", "case_key", "partner_sector", "oblast", "hromada", "status",
                "requested_at:timestamptz", "changed_at:timestamptz");
        final Set<String> changedCases = new TreeSet<>();

        void write(Connection c) throws SQLException {
            for (Rows rows : List.of(contacts, contactGroups, cases, caseGroups, changes, services, referrals)) {
                rows.write(c);
            }
            if (!changedCases.isEmpty()) {
                intervals(c, changedCases.toArray(String[]::new));
            }
        }
    }

    private ZoneId zone() {
        return config.zone();
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(zone()).toLocalDate();
    }

    private void project(Batch b, CloudEvent event, EventData data) {
        if (data instanceof AppealRecorded e) {
            appealRecorded(b, e);
        } else if (data instanceof CaseOpened e) {
            caseOpened(b, event, e);
        } else if (data instanceof CaseAssigned e) {
            change(b, event, pseudonyms.caseKey(e.caseId().toString()), "ASSIGNED", e.assignedAt(), null, e.oblast(),
                    e.hromada(), true, pseudonyms.staff(e.caseManagerId()), e.model().name(), null);
        } else if (data instanceof CaseTransferred e) {
            change(b, event, pseudonyms.caseKey(e.caseId().toString()), "TRANSFERRED", e.transferredAt(), null,
                    e.toOblast(), e.toHromada(), true, pseudonyms.staff(e.toCaseManagerId()), null, null);
        } else if (data instanceof CaseClosed e) {
            change(b, event, pseudonyms.caseKey(e.caseId().toString()), "CLOSED", e.closedAt(), "CLOSED", e.oblast(),
                    e.hromada(), true, pseudonyms.staff(e.caseManagerId()), e.model().name(), e.reason().name());
        } else if (data instanceof CaseReopened e) {
            change(b, event, pseudonyms.caseKey(e.caseId().toString()), "REOPENED", e.reopenedAt(), "ACTIVE",
                    e.oblast(), e.hromada(), true, pseudonyms.staff(e.caseManagerId()), null, null);
        } else if (data instanceof ServiceDelivered e) {
            b.services.add(e.serviceId(), e.caseId() == null ? null : pseudonyms.caseKey(e.caseId().toString()),
                    e.appealId(), e.oblast(), e.hromada(), e.category().name(), e.deliveredOn());
        } else if (data instanceof ReferralChanged e) {
            b.referrals.add(event.id(), e.referralId(), pseudonyms.caseKey(e.caseId().toString()),
                    e.partnerSector().name(), e.oblast(), e.hromada(), e.status().name(), e.requestedAt(),
                    e.changedAt());
        } else {
            throw new IllegalStateException("counts() lets through " + event.type() + " but nothing projects it");
        }
    }

    private void appealRecorded(Batch b, AppealRecorded e) {
        String client = pseudonyms.client(e.clientId().toString());
        contact(b, "A:" + e.appealId(), "APPEAL", client, e.oblast(), e.hromada(), e.receivedAt(),
                names(e.vulnerableGroups()));
    }

    private static List<String> names(List<? extends Enum<?>> codes) {
        return codes == null ? List.of() : codes.stream().map(Enum::name).toList();
    }

    private void contact(Batch b, String key, String kind, String client, String oblast, String hromada,
                         OffsetDateTime at, List<String> groups) {
        b.contacts.add(key, kind, client, oblast, hromada, at, day(at));
        for (String g : groups) {
            b.contactGroups.add(key, g);
        }
    }

    private void caseOpened(Batch b, CloudEvent event, CaseOpened e) {
        String caseKey = pseudonyms.caseKey(e.caseId().toString());
        String client = pseudonyms.client(e.clientId().toString());
        String model = e.model().name();
        List<String> groups = names(e.vulnerableGroups());
        OffsetDateTime at = e.openedAt();
        b.cases.add(caseKey, client, e.clientKind(), model, e.oblast(), e.hromada(), at, day(at));
        for (String g : groups) {
            b.caseGroups.add(caseKey, g);
        }
        change(b, event, caseKey, "OPENED", at, "ACTIVE", e.oblast(), e.hromada(), false, null, model, null);
        if (e.appealId() == null) {
            // taken straight into case management (e.g. outreach): the person applied all the same
            contact(b, "C:" + caseKey, "CASE_WITHOUT_APPEAL", client, e.oblast(), e.hromada(), at, groups);
        }
    }

    private void change(Batch b, CloudEvent event, String caseKey, String kind, OffsetDateTime at, String status,
                        String oblast, String hromada, boolean setsManager, String manager, String model,
                        String reason) {
        b.changes.add(event.id(), caseKey, kind, at, day(at), status, oblast, hromada, setsManager, manager, model,
                reason);
        b.changedCases.add(caseKey);
    }

    /**
     * Rebuilds the intervals of the given cases (rm_case_interval) from all their changes: a function of the
     * facts only, whatever order they arrived in. The same statement fills the table in V30. Each case's lock
     * is taken first, in the order of the keys (no two batches wait on each other crosswise), so that one case's
     * changes are applied one transaction at a time and each recomputation sees every change committed before it.
     */
    private static void intervals(Connection c, String[] caseKeys) throws SQLException {
        java.sql.Array keys = c.createArrayOf("text", caseKeys);
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM unnest(?::text[]) AS t(k)");
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM rm_case_interval WHERE case_key = ANY(?::bpchar[])");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO rm_case_interval (event_id, case_key, valid_from, valid_to, status, oblast, "
                        + "hromada, case_manager_key, model) "
                        + "SELECT c.event_id, c.case_key, c.at, "
                        + "lead(c.at) OVER (PARTITION BY c.case_key ORDER BY c.at, c.event_id), "
                        + "(SELECT s.status FROM rm_case_change s WHERE s.case_key = c.case_key "
                        + "AND s.status IS NOT NULL AND (s.at, s.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY s.at DESC, s.event_id DESC LIMIT 1), c.oblast, c.hromada, "
                        + "(SELECT m.case_manager_key FROM rm_case_change m WHERE m.case_key = c.case_key "
                        + "AND m.sets_manager AND (m.at, m.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY m.at DESC, m.event_id DESC LIMIT 1), "
                        + "(SELECT d.model FROM rm_case_change d WHERE d.case_key = c.case_key "
                        + "AND d.model IS NOT NULL AND (d.at, d.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY d.at DESC, d.event_id DESC LIMIT 1) "
                        + "FROM rm_case_change c WHERE c.case_key = ANY(?::bpchar[])")) {
            lock.setArray(1, keys);
            lock.executeQuery().close();
            delete.setArray(1, keys);
            delete.executeUpdate();
            insert.setArray(1, keys);
            insert.executeUpdate();
        }
    }
}
