package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.code.ServiceCategory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A referral was created or moved to another status. One record for the ten types
 * {@code ua.social.referral.<status>} (created for DRAFT, requested, accepted, …, entered-in-error): their schemas
 * (docs/events/referral.&lt;status&gt;.schema.json) differ only in the {@code status} they pin, so the
 * type follows from {@link #status}. No client names or contact data.
 *
 * @param reason  why (rejection, failure, cancellation, hold, entered in error): at most {@value #TEXT_MAX} characters
 * @param outcome what the partner did, on COMPLETED only: at most {@value #TEXT_MAX} characters
 * @param changedBy REFERRING_SIDE, PARTNER or SYSTEM
 */
public record ReferralChanged(
        UUID referralId,
        UUID caseId,
        UUID planActionId,
        UUID partnerId,
        String partnerName,
        PartnerSector partnerSector,
        UUID serviceId,
        ServiceCategory serviceCategory,
        String oblast,
        String hromada,
        String urgency,
        ReferralStatus status,
        ReferralStatus previousStatus,
        String reason,
        String outcome,
        OffsetDateTime requestedAt,
        OffsetDateTime changedAt,
        String changedBy) implements ReferralEvent {

    /** The longest reason or outcome the contract carries (the API refuses longer ones). */
    public static final int TEXT_MAX = 4000;
    public static final int PARTNER_NAME_MAX = 300;

    public ReferralChanged {
        Checks.present(referralId, "referralId");
        Checks.present(caseId, "caseId");
        Checks.present(partnerId, "partnerId");
        Checks.text(Checks.present(partnerName, "partnerName"), "partnerName", PARTNER_NAME_MAX);
        Checks.present(partnerSector, "partnerSector");
        Checks.present(serviceCategory, "serviceCategory");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.oneOf(urgency, "urgency", "ROUTINE", "URGENT", "EMERGENCY");
        Checks.present(status, "status");
        Checks.text(reason, "reason", TEXT_MAX);
        Checks.text(outcome, "outcome", TEXT_MAX);
        Checks.present(changedAt, "changedAt");
        Checks.oneOf(changedBy, "changedBy", "REFERRING_SIDE", "PARTNER", "SYSTEM");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return status.eventType();
    }
}
