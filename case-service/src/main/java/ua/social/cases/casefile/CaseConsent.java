package ua.social.cases.casefile;

import ua.social.contracts.event.ConsentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.ConsentRequest;
import ua.social.cases.casefile.CaseCommands.WithdrawalRequest;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The client's informed consent on a case: recorded, withdrawn (all or sharing only), announced. */
@ApplicationScoped
public class CaseConsent {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;

    @Transactional
    public SocialCase record(UUID id, String ifMatch, ConsentRequest req) {
        SocialCase c = access.changeOpen(id, ifMatch);
        c.recordConsent(req.givenAt(), req.processing(), req.sharingWithPartners(), OffsetDateTime.now(clock));
        changed(c, access.caller(), "Consent recorded");
        SocialCase.flush();
        return c;
    }

    @Transactional
    public SocialCase withdraw(UUID id, String ifMatch, WithdrawalRequest req) {
        SocialCase c = access.change(id, ifMatch);
        boolean sharingOnly = Boolean.TRUE.equals(req.sharingOnly());
        c.withdrawConsent(sharingOnly, OffsetDateTime.now(clock));
        changed(c, access.caller(), sharingOnly ? "Consent to share with partners withdrawn" : "Consent withdrawn");
        SocialCase.flush();
        return c;
    }

    /** The consent as it now stands, on the timeline and as an event. */
    void changed(SocialCase c, Caller caller, String summary) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processing", c.processingConsentActive());
        details.put("sharingWithPartners", c.sharingConsentActive());
        timeline.append(c.id, "CONSENT_CHANGED", summary, caller.username(), details);
        publishConsentChanged(c);
    }

    private void publishConsentChanged(SocialCase c) {
        boolean active = c.consentWithdrawnAt == null;
        events.publish(c.id, c.id, new ConsentChanged(c.id, c.hromada, active && c.consentProcessing,
                c.sharingConsentActive(), c.consentGivenAt, c.consentWithdrawnAt));
    }
}
