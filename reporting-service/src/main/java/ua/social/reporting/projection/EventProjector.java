package ua.social.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.reference.CaseModel;
import ua.social.reporting.reference.ClosureReason;
import ua.social.reporting.reference.PartnerSector;
import ua.social.reporting.reference.ServiceCategory;
import ua.social.reporting.reference.VulnerableGroup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    private static final Logger LOG = Logger.getLogger(EventProjector.class);

    public static final String CASE_PREFIX = "ua.social.case.";
    public static final String REFERRAL_PREFIX = "ua.social.referral.";
    private static final Set<String> REFERRAL_STATUSES = Set.of("DRAFT", "REQUESTED", "ACCEPTED", "REJECTED",
            "CANCELLED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED");

    @Inject
    EntityManager em;
    @Inject
    ProcessedEvents processedEvents;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ReportingConfig config;

    private static final Set<String> CASE_TYPES = Set.of("appeal-recorded", "opened", "assigned", "transferred",
            "closed", "reopened", "service-delivered");

    /**
     * Whether events of this type change the read models. The others (client-registered, stage-changed,
     * plan-revised, consent-changed, response-overdue, and types reporting does not know) are passed
     * over without a transaction.
     */
    public static boolean counts(String type) {
        if (type.startsWith(CASE_PREFIX)) {
            return CASE_TYPES.contains(type.substring(CASE_PREFIX.length()));
        }
        return type.startsWith(REFERRAL_PREFIX) && !type.endsWith(".response-overdue");
    }

    /**
     * @param generation the consumer generation the caller reads for; when a replay has moved on, the
     *                   event is left alone (the new generation's consumer applies it)
     * @return true when the event changed the read models (first time seen, and of a type that counts)
     */
    @Transactional
    public boolean apply(int generation, CloudEvent event) {
        Number current = (Number) em.createNativeQuery("SELECT generation FROM consumer_state WHERE id = 1 FOR SHARE")
                .getSingleResult();
        if (current.intValue() != generation) {
            return false;
        }
        if (!processedEvents.firstTime(event)) {
            return false;
        }
        try {
            return project(event);
        } catch (InvalidEvent e) {
            LOG.warnf("skipping an event that breaks its contract: %s", e.getMessage());
            return false;
        }
    }

    private boolean project(CloudEvent event) {
        EventData d = new EventData(event);
        switch (event.type()) {
            case CASE_PREFIX + "appeal-recorded" -> appealRecorded(d);
            case CASE_PREFIX + "opened" -> caseOpened(event, d);
            case CASE_PREFIX + "assigned" -> caseAssigned(event, d);
            case CASE_PREFIX + "transferred" -> caseTransferred(event, d);
            case CASE_PREFIX + "closed" -> caseClosed(event, d);
            case CASE_PREFIX + "reopened" -> caseReopened(event, d);
            case CASE_PREFIX + "service-delivered" -> serviceDelivered(d);
            default -> {
                if (event.type().startsWith(REFERRAL_PREFIX) && !event.type().endsWith(".response-overdue")) {
                    referralChanged(event, d);
                } else {
                    // client-registered, stage-changed, plan-revised, consent-changed, response-overdue:
                    // nothing the published statistics count
                    return false;
                }
            }
        }
        return true;
    }

    private ZoneId zone() {
        return config.zone();
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(zone()).toLocalDate();
    }

    private void appealRecorded(EventData d) {
        UUID appealId = d.uuid("appealId");
        String client = pseudonyms.client(d.uuid("clientId").toString());
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        OffsetDateTime at = d.time("receivedAt");
        List<String> groups = d.enumList("vulnerableGroups", VulnerableGroup.class);
        contact("A:" + appealId, "APPEAL", client, oblast, hromada, at, groups);
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

    private void caseOpened(CloudEvent event, EventData d) {
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String client = pseudonyms.client(d.uuid("clientId").toString());
        String clientKind = d.text("clientKind");
        UUID appealId = d.optionalUuid("appealId");
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String model = d.enumName("model", CaseModel.class);
        List<String> groups = d.enumList("vulnerableGroups", VulnerableGroup.class);
        OffsetDateTime at = d.time("openedAt");
        Sql.update(em, "INSERT INTO rm_case (case_key, client_key, client_kind, model, oblast, hromada, opened_at, day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_key) DO NOTHING",
                caseKey, client, clientKind, model, oblast, hromada, at, day(at));
        for (String g : groups) {
            Sql.update(em, "INSERT INTO rm_case_group (case_key, grp) VALUES (?, ?) ON CONFLICT DO NOTHING", caseKey, g);
        }
        change(event, caseKey, "OPENED", at, "ACTIVE", oblast, hromada, false, null, model, null);
        if (appealId == null) {
            // taken straight into case management (e.g. outreach): the person applied all the same
            contact("C:" + caseKey, "CASE_WITHOUT_APPEAL", client, oblast, hromada, at, groups);
        }
    }

    private void caseAssigned(CloudEvent event, EventData d) {
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String manager = pseudonyms.staff(d.text("caseManagerId"));
        String model = d.enumName("model", CaseModel.class);
        OffsetDateTime at = d.time("assignedAt");
        change(event, caseKey, "ASSIGNED", at, null, oblast, hromada, true, manager, model, null);
    }

    private void caseTransferred(CloudEvent event, EventData d) {
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String oblast = d.oblast("toOblast");
        String hromada = d.hromada("toHromada");
        String manager = pseudonyms.staff(d.optionalText("toCaseManagerId"));
        OffsetDateTime at = d.time("transferredAt");
        change(event, caseKey, "TRANSFERRED", at, null, oblast, hromada, true, manager, null, null);
    }

    private void caseClosed(CloudEvent event, EventData d) {
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String reason = d.enumName("reason", ClosureReason.class);
        String manager = pseudonyms.staff(d.optionalText("caseManagerId"));
        String model = d.enumName("model", CaseModel.class);
        OffsetDateTime at = d.time("closedAt");
        change(event, caseKey, "CLOSED", at, "CLOSED", oblast, hromada, true, manager, model, reason);
    }

    private void caseReopened(CloudEvent event, EventData d) {
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String manager = pseudonyms.staff(d.optionalText("caseManagerId"));
        OffsetDateTime at = d.time("reopenedAt");
        change(event, caseKey, "REOPENED", at, "ACTIVE", oblast, hromada, true, manager, null, null);
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

    private void serviceDelivered(EventData d) {
        UUID serviceId = d.uuid("serviceId");
        UUID caseId = d.optionalUuid("caseId");
        UUID appealId = d.optionalUuid("appealId");
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String category = d.enumName("category", ServiceCategory.class);
        LocalDate deliveredOn = d.date("deliveredOn");
        Sql.update(em, "INSERT INTO rm_service (service_id, case_key, appeal_id, oblast, hromada, category, day) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_id) DO NOTHING",
                serviceId, caseId == null ? null : pseudonyms.caseKey(caseId.toString()), appealId, oblast, hromada,
                category, deliveredOn);
    }

    private void referralChanged(CloudEvent event, EventData d) {
        UUID referralId = d.uuid("referralId");
        String caseKey = pseudonyms.caseKey(d.uuid("caseId").toString());
        String sector = d.enumName("partnerSector", PartnerSector.class);
        String oblast = d.oblast("oblast");
        String hromada = d.hromada("hromada");
        String status = d.text("status");
        if (!REFERRAL_STATUSES.contains(status)) {
            throw d.invalid("status has an unknown value '" + status + "'");
        }
        OffsetDateTime requestedAt = d.optionalTime("requestedAt");
        OffsetDateTime changedAt = d.time("changedAt");
        Sql.update(em, "INSERT INTO rm_referral_change (event_id, referral_id, case_key, partner_sector, oblast, "
                        + "hromada, status, requested_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.id(), referralId, caseKey, sector, oblast, hromada, status, requestedAt, changedAt);
    }
}
