package ua.social.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        Number current = (Number) em.createNativeQuery("SELECT generation FROM consumer_state WHERE id = 1 FOR SHARE")
                .getSingleResult();
        if (current.intValue() != generation) {
            return false;
        }
        if (!counts(event.type())) {
            return false;
        }
        EventData data = EventJson.read(event.type(), event.data()).orElseThrow();
        if (!processedEvents.firstTime(event)) {
            return false;
        }
        version.changing();
        project(event, data);
        return true;
    }

    private void project(CloudEvent event, EventData data) {
        if (data instanceof AppealRecorded e) {
            appealRecorded(e);
        } else if (data instanceof CaseOpened e) {
            caseOpened(event, e);
        } else if (data instanceof CaseAssigned e) {
            caseAssigned(event, e);
        } else if (data instanceof CaseTransferred e) {
            caseTransferred(event, e);
        } else if (data instanceof CaseClosed e) {
            caseClosed(event, e);
        } else if (data instanceof CaseReopened e) {
            caseReopened(event, e);
        } else if (data instanceof ServiceDelivered e) {
            serviceDelivered(e);
        } else if (data instanceof ReferralChanged e) {
            referralChanged(event, e);
        } else {
            throw new IllegalStateException("counts() lets through " + event.type() + " but nothing projects it");
        }
    }

    private ZoneId zone() {
        return config.zone();
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(zone()).toLocalDate();
    }

    private void appealRecorded(AppealRecorded e) {
        String client = pseudonyms.client(e.clientId().toString());
        contact("A:" + e.appealId(), "APPEAL", client, e.oblast(), e.hromada(), e.receivedAt(), names(e.vulnerableGroups()));
    }

    private static List<String> names(List<? extends Enum<?>> codes) {
        return codes == null ? List.of() : codes.stream().map(Enum::name).toList();
    }

    private void contact(String key, String kind, String client, String oblast, String hromada, OffsetDateTime at,
                         List<String> groups) {
        Sql.update(em, "INSERT INTO rm_contact (contact_key, kind, client_key, oblast, hromada, at, day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_key) DO NOTHING",
                key, kind, client, oblast, hromada, at, day(at));
        for (String g : groups) {
            Sql.update(em, "INSERT INTO rm_contact_group (contact_key, grp) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    key, g);
        }
    }

    private void caseOpened(CloudEvent event, CaseOpened e) {
        String caseKey = pseudonyms.caseKey(e.caseId().toString());
        String client = pseudonyms.client(e.clientId().toString());
        String model = e.model().name();
        List<String> groups = names(e.vulnerableGroups());
        OffsetDateTime at = e.openedAt();
        Sql.update(em, "INSERT INTO rm_case (case_key, client_key, client_kind, model, oblast, hromada, opened_at, day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_key) DO NOTHING",
                caseKey, client, e.clientKind(), model, e.oblast(), e.hromada(), at, day(at));
        for (String g : groups) {
            Sql.update(em, "INSERT INTO rm_case_group (case_key, grp) VALUES (?, ?) ON CONFLICT DO NOTHING", caseKey, g);
        }
        change(event, caseKey, "OPENED", at, "ACTIVE", e.oblast(), e.hromada(), false, null, model, null);
        if (e.appealId() == null) {
            // taken straight into case management (e.g. outreach): the person applied all the same
            contact("C:" + caseKey, "CASE_WITHOUT_APPEAL", client, e.oblast(), e.hromada(), at, groups);
        }
    }

    private void caseAssigned(CloudEvent event, CaseAssigned e) {
        change(event, pseudonyms.caseKey(e.caseId().toString()), "ASSIGNED", e.assignedAt(), null, e.oblast(),
                e.hromada(), true, pseudonyms.staff(e.caseManagerId()), e.model().name(), null);
    }

    private void caseTransferred(CloudEvent event, CaseTransferred e) {
        change(event, pseudonyms.caseKey(e.caseId().toString()), "TRANSFERRED", e.transferredAt(), null, e.toOblast(),
                e.toHromada(), true, pseudonyms.staff(e.toCaseManagerId()), null, null);
    }

    private void caseClosed(CloudEvent event, CaseClosed e) {
        change(event, pseudonyms.caseKey(e.caseId().toString()), "CLOSED", e.closedAt(), "CLOSED", e.oblast(),
                e.hromada(), true, pseudonyms.staff(e.caseManagerId()), e.model().name(), e.reason().name());
    }

    private void caseReopened(CloudEvent event, CaseReopened e) {
        change(event, pseudonyms.caseKey(e.caseId().toString()), "REOPENED", e.reopenedAt(), "ACTIVE", e.oblast(),
                e.hromada(), true, pseudonyms.staff(e.caseManagerId()), null, null);
    }

    private void change(CloudEvent event, String caseKey, String kind, OffsetDateTime at, String status, String oblast,
                        String hromada, boolean setsManager, String manager, String model, String reason) {
        // one case's changes are applied one transaction at a time, so each recomputation of its
        // intervals sees every change committed before it
        Sql.query(em, "SELECT pg_advisory_xact_lock(hashtext(?))", List.of(caseKey));
        Sql.update(em, "INSERT INTO rm_case_change (event_id, case_key, kind, at, day, status, oblast, hromada, "
                        + "sets_manager, case_manager_key, model, closure_reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.id(), caseKey, kind, at, day(at), status, oblast, hromada, setsManager, manager, model, reason);
        intervals(caseKey);
    }

    /**
     * Rebuilds the intervals of one case (rm_case_interval) from all its changes: a function of the
     * facts only, whatever order they arrived in. The same statement fills the table in V30.
     */
    private void intervals(String caseKey) {
        Sql.update(em, "DELETE FROM rm_case_interval WHERE case_key = ?", caseKey);
        Sql.update(em, "INSERT INTO rm_case_interval (event_id, case_key, valid_from, valid_to, status, oblast, "
                        + "hromada, case_manager_key, model) "
                        + "SELECT c.event_id, c.case_key, c.at, lead(c.at) OVER (ORDER BY c.at, c.event_id), "
                        + "(SELECT s.status FROM rm_case_change s WHERE s.case_key = c.case_key "
                        + "AND s.status IS NOT NULL AND (s.at, s.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY s.at DESC, s.event_id DESC LIMIT 1), c.oblast, c.hromada, "
                        + "(SELECT m.case_manager_key FROM rm_case_change m WHERE m.case_key = c.case_key "
                        + "AND m.sets_manager AND (m.at, m.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY m.at DESC, m.event_id DESC LIMIT 1), "
                        + "(SELECT d.model FROM rm_case_change d WHERE d.case_key = c.case_key "
                        + "AND d.model IS NOT NULL AND (d.at, d.event_id) <= (c.at, c.event_id) "
                        + "ORDER BY d.at DESC, d.event_id DESC LIMIT 1) "
                        + "FROM rm_case_change c WHERE c.case_key = ?",
                caseKey);
    }

    private void serviceDelivered(ServiceDelivered e) {
        Sql.update(em, "INSERT INTO rm_service (service_id, case_key, appeal_id, oblast, hromada, category, day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_id) DO NOTHING",
                e.serviceId(), e.caseId() == null ? null : pseudonyms.caseKey(e.caseId().toString()), e.appealId(),
                e.oblast(), e.hromada(), e.category().name(), e.deliveredOn());
    }

    private void referralChanged(CloudEvent event, ReferralChanged e) {
        Sql.update(em, "INSERT INTO rm_referral_change (event_id, referral_id, case_key, partner_sector, oblast, "
                        + "hromada, status, requested_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.id(), e.referralId(), pseudonyms.caseKey(e.caseId().toString()), e.partnerSector().name(),
                e.oblast(), e.hromada(), e.status().name(), e.requestedAt(), e.changedAt());
    }
}
