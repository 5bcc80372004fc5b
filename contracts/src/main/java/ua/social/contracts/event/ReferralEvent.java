package ua.social.contracts.event;

import ua.social.contracts.code.ReferralStatus;

/** An event of referral-service, on {@link Topics#REFERRAL_EVENTS}, keyed by the case id (subject: the referral id). */
public sealed interface ReferralEvent extends EventData permits ReferralChanged, ReferralResponseOverdue {

    String TYPE_PREFIX = ReferralStatus.TYPE_PREFIX;
    String RESPONSE_OVERDUE = TYPE_PREFIX + "response-overdue";
}
