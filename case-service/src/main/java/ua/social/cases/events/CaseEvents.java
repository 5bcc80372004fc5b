package ua.social.cases.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.messaging.EventOutbox;

import java.util.UUID;

/**
 * case-service's events, written into the shared transactional outbox in the caller's transaction:
 * an event exists exactly when the change it describes was committed. The relay publishes them to
 * {@value #TOPIC} as CloudEvents (binary mode), keyed by case id (or client id before a case exists).
 * Event types and their JSON Schemas are listed in docs/events/.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String TOPIC = "case.events";
    public static final String SOURCE = "/case-service";
    public static final String TYPE_PREFIX = "ua.social.case.";

    public static final String CLIENT_REGISTERED = TYPE_PREFIX + "client-registered";
    public static final String APPEAL_RECORDED = TYPE_PREFIX + "appeal-recorded";
    public static final String OPENED = TYPE_PREFIX + "opened";
    public static final String ASSIGNED = TYPE_PREFIX + "assigned";
    public static final String STAGE_CHANGED = TYPE_PREFIX + "stage-changed";
    public static final String PLAN_REVISED = TYPE_PREFIX + "plan-revised";
    public static final String SERVICE_DELIVERED = TYPE_PREFIX + "service-delivered";
    public static final String TRANSFERRED = TYPE_PREFIX + "transferred";
    public static final String CLOSED = TYPE_PREFIX + "closed";
    public static final String REOPENED = TYPE_PREFIX + "reopened";
    public static final String CONSENT_CHANGED = TYPE_PREFIX + "consent-changed";

    @Inject
    EventOutbox outbox;

    /**
     * @param type    one of the constants above
     * @param key     partition key: the case id, so one case's events stay in order
     * @param subject CloudEvents subject: the id of what the event is about
     * @param data    the event's JSON data (no personal data beyond what consumers need)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, UUID key, UUID subject, Object data) {
        outbox.publish(TOPIC, type, key, subject, data);
    }
}
