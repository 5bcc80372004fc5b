package ua.social.contracts.event;

import ua.social.contracts.code.ReferralStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform: its CloudEvents type, the topic it travels on (by default name), the
 * record its data is read into, and its JSON Schema file in docs/events/.
 */
public enum EventType {
    CLIENT_REGISTERED(CaseEvent.CLIENT_REGISTERED, ClientRegistered.class),
    APPEAL_RECORDED(CaseEvent.APPEAL_RECORDED, AppealRecorded.class),
    CASE_OPENED(CaseEvent.OPENED, CaseOpened.class),
    CASE_ASSIGNED(CaseEvent.ASSIGNED, CaseAssigned.class),
    CASE_STAGE_CHANGED(CaseEvent.STAGE_CHANGED, CaseStageChanged.class),
    PLAN_REVISED(CaseEvent.PLAN_REVISED, PlanRevised.class),
    SERVICE_DELIVERED(CaseEvent.SERVICE_DELIVERED, ServiceDelivered.class),
    CONSENT_CHANGED(CaseEvent.CONSENT_CHANGED, ConsentChanged.class),
    CASE_TRANSFERRED(CaseEvent.TRANSFERRED, CaseTransferred.class),
    CASE_CLOSED(CaseEvent.CLOSED, CaseClosed.class),
    CASE_REOPENED(CaseEvent.REOPENED, CaseReopened.class),
    REFERRAL_CREATED(ReferralStatus.DRAFT.eventType(), ReferralChanged.class),
    REFERRAL_REQUESTED(ReferralStatus.REQUESTED.eventType(), ReferralChanged.class),
    REFERRAL_ACCEPTED(ReferralStatus.ACCEPTED.eventType(), ReferralChanged.class),
    REFERRAL_REJECTED(ReferralStatus.REJECTED.eventType(), ReferralChanged.class),
    REFERRAL_CANCELLED(ReferralStatus.CANCELLED.eventType(), ReferralChanged.class),
    REFERRAL_IN_PROGRESS(ReferralStatus.IN_PROGRESS.eventType(), ReferralChanged.class),
    REFERRAL_ON_HOLD(ReferralStatus.ON_HOLD.eventType(), ReferralChanged.class),
    REFERRAL_COMPLETED(ReferralStatus.COMPLETED.eventType(), ReferralChanged.class),
    REFERRAL_FAILED(ReferralStatus.FAILED.eventType(), ReferralChanged.class),
    REFERRAL_ENTERED_IN_ERROR(ReferralStatus.ENTERED_IN_ERROR.eventType(), ReferralChanged.class),
    REFERRAL_RESPONSE_OVERDUE(ReferralEvent.RESPONSE_OVERDUE, ReferralResponseOverdue.class);

    private final String type;
    private final Class<? extends EventData> dataClass;

    EventType(String type, Class<? extends EventData> dataClass) {
        this.type = type;
        this.dataClass = dataClass;
    }

    /** The CloudEvents type, e.g. {@code ua.social.case.opened}. */
    public String type() {
        return type;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The default name of the topic events of this type travel on. */
    public String defaultTopic() {
        return CaseEvent.class.isAssignableFrom(dataClass) ? Topics.CASE_EVENTS : Topics.REFERRAL_EVENTS;
    }

    /** The name of its JSON Schema in docs/events/, e.g. {@code case.opened.schema.json}. */
    public String schemaFile() {
        return type.substring("ua.social.".length()) + ".schema.json";
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
