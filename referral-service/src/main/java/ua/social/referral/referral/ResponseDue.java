package ua.social.referral.referral;

import ua.social.referral.config.ReferralConfig;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * When a partner's answer to a referral is due: the moment it was requested plus the response time of
 * its urgency ({@code referral.response-deadlines.*}). A referral still REQUESTED at or after that moment
 * is flagged overdue by {@link ResponseDeadlines}.
 */
public record ResponseDue(Duration routine, Duration urgent, Duration emergency) {

    public static ResponseDue of(ReferralConfig.ResponseDeadlines configured) {
        return new ResponseDue(configured.routine(), configured.urgent(), configured.emergency());
    }

    /** How long the partner has to accept or reject a referral of this urgency. */
    public Duration timeFor(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> routine;
            case URGENT -> urgent;
            case EMERGENCY -> emergency;
        };
    }

    /** The response deadline of a referral of this urgency requested at {@code requestedAt}. */
    public OffsetDateTime after(OffsetDateTime requestedAt, Urgency urgency) {
        return requestedAt.plus(timeFor(urgency));
    }
}
