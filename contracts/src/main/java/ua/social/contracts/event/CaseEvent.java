package ua.social.contracts.event;

/**
 * An event of case-service, on {@link Topics#CASE_EVENTS}, keyed by the case id (or, for an appeal or a
 * service without a case, the client id).
 */
public sealed interface CaseEvent extends EventData
        permits AppealRecorded, ClientRegistered, CaseOpened, CaseAssigned, CaseStageChanged, CaseClosed,
        CaseReopened, ConsentChanged, CaseTransferred, PlanRevised, ServiceDelivered {

    String TYPE_PREFIX = "ua.social.case.";
    String CLIENT_REGISTERED = TYPE_PREFIX + "client-registered";
    String APPEAL_RECORDED = TYPE_PREFIX + "appeal-recorded";
    String OPENED = TYPE_PREFIX + "opened";
    String ASSIGNED = TYPE_PREFIX + "assigned";
    String STAGE_CHANGED = TYPE_PREFIX + "stage-changed";
    String PLAN_REVISED = TYPE_PREFIX + "plan-revised";
    String SERVICE_DELIVERED = TYPE_PREFIX + "service-delivered";
    String CONSENT_CHANGED = TYPE_PREFIX + "consent-changed";
    String TRANSFERRED = TYPE_PREFIX + "transferred";
    String CLOSED = TYPE_PREFIX + "closed";
    String REOPENED = TYPE_PREFIX + "reopened";
}
