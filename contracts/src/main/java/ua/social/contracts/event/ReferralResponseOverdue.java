package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.PartnerSector;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The partner did not accept or reject a referral in time; emitted once per referral.
 * Schema: docs/events/referral.response-overdue.schema.json.
 */
public record ReferralResponseOverdue(
        UUID referralId,
        UUID caseId,
        UUID partnerId,
        PartnerSector partnerSector,
        String oblast,
        String hromada,
        String urgency,
        OffsetDateTime requestedAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime flaggedAt) implements ReferralEvent {

    public ReferralResponseOverdue {
        Checks.present(referralId, "referralId");
        Checks.present(caseId, "caseId");
        Checks.present(partnerId, "partnerId");
        Checks.present(partnerSector, "partnerSector");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.oneOf(urgency, "urgency", "ROUTINE", "URGENT", "EMERGENCY");
        Checks.present(requestedAt, "requestedAt");
        Checks.present(responseDueAt, "responseDueAt");
        Checks.present(flaggedAt, "flaggedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return RESPONSE_OVERDUE;
    }
}
