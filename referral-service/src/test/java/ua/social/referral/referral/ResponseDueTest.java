package ua.social.referral.referral;

import org.junit.jupiter.api.Tag;
import ua.social.contracts.code.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Response deadlines and the overdue flag, without infrastructure: when a partner's answer is due by
 * urgency, and which referrals count as overdue.
 */
@Tag("fast")
class ResponseDueTest {

    /** The shipped deadlines (application.properties: routine 120 h, urgent 48 h, emergency 4 h). */
    private static final ResponseDue SHIPPED = new ResponseDue(Duration.ofHours(120), Duration.ofHours(48),
            Duration.ofHours(4));
    private static final OffsetDateTime REQUESTED_AT = OffsetDateTime.parse("2026-03-27T22:30:00Z");

    @Test
    void eachUrgencyHasItsOwnResponseTime() {
        assertEquals(Duration.ofHours(120), SHIPPED.timeFor(Urgency.ROUTINE));
        assertEquals(Duration.ofHours(48), SHIPPED.timeFor(Urgency.URGENT));
        assertEquals(Duration.ofHours(4), SHIPPED.timeFor(Urgency.EMERGENCY));
    }

    @Test
    void theDeadlineIsTheRequestTimePlusTheResponseTimeOfItsUrgency() {
        assertEquals(OffsetDateTime.parse("2026-03-28T02:30:00Z"), SHIPPED.after(REQUESTED_AT, Urgency.EMERGENCY));
        assertEquals(OffsetDateTime.parse("2026-03-29T22:30:00Z"), SHIPPED.after(REQUESTED_AT, Urgency.URGENT));
        assertEquals(OffsetDateTime.parse("2026-04-01T22:30:00Z"), SHIPPED.after(REQUESTED_AT, Urgency.ROUTINE));
    }

    @Test
    void configuredResponseTimesAreUsedAsGiven() {
        ResponseDue quick = new ResponseDue(Duration.ofDays(1), Duration.ofMinutes(90), Duration.ofSeconds(30));
        assertEquals(REQUESTED_AT.plusSeconds(30), quick.after(REQUESTED_AT, Urgency.EMERGENCY));
        assertEquals(REQUESTED_AT.plusMinutes(90), quick.after(REQUESTED_AT, Urgency.URGENT));
        assertEquals(REQUESTED_AT.plusDays(1), quick.after(REQUESTED_AT, Urgency.ROUTINE));
    }

    @Test
    void aFlaggedReferralIsOverdueOnlyWhileItStillAwaitsThePartnersAnswer() {
        Referral r = new Referral();
        r.status = ReferralStatus.REQUESTED;
        assertFalse(r.overdue(), "not flagged yet");
        r.responseOverdueAt = REQUESTED_AT.plusHours(4);
        assertTrue(r.overdue());
        for (ReferralStatus answered : ReferralStatus.values()) {
            if (answered == ReferralStatus.REQUESTED) {
                continue;
            }
            r.status = answered;
            assertFalse(r.overdue(), "a late answer ends the overdue state: " + answered);
        }
    }
}
