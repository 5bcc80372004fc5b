package ua.social.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.Caller;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.referral.casefile.CaseProjection;

import java.util.UUID;

/**
 * Who reaches which referral. The referring side: the case manager of the case (as case.events last
 * told) and the supervisors of the case's community. A partner: its own referrals once they were sent.
 * Anything outside a caller's reach answers 404, so its existence does not leak.
 */
@ApplicationScoped
public class ReferralAccess {

    @Inject
    CallerContext callerContext;

    public Caller caller() {
        return callerContext.current();
    }

    public boolean reaches(Caller c, CaseProjection p) {
        if (c.hasRole(Roles.SUPERVISOR) && c.jurisdiction().coversHromada(p.hromada)) {
            return true;
        }
        return c.hasRole(Roles.CASE_MANAGER) && c.id().equals(p.caseManagerId);
    }

    /** The case, if the referring caller reaches it (and this service has learnt of it), else 404. */
    public CaseProjection caseInReach(UUID caseId) {
        CaseProjection p = CaseProjection.findById(caseId);
        if (p == null || !reaches(caller(), p)) {
            throw ProblemException.notFound("Case " + caseId);
        }
        return p;
    }

    /** A referral of a case in the referring caller's reach, else 404. */
    public Referral referringSide(UUID id) {
        Referral r = Referral.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Referral " + id);
        }
        CaseProjection p = CaseProjection.findById(r.caseId);
        if (p == null || !reaches(caller(), p)) {
            throw ProblemException.notFound("Referral " + id);
        }
        return r;
    }

    /**
     * A referral of a case in the community the calling supervisor supervises, else 404: only they
     * may see who read it (a case manager of the case does not).
     */
    public Referral supervisedReferral(UUID id) {
        Referral r = Referral.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Referral " + id);
        }
        CaseProjection p = CaseProjection.findById(r.caseId);
        Caller c = caller();
        if (p == null || !c.hasRole(Roles.SUPERVISOR) || !c.jurisdiction().coversHromada(p.hromada)) {
            throw ProblemException.notFound("Referral " + id);
        }
        return r;
    }

    /** The calling partner's id (from its API key). */
    public UUID partnerId() {
        String id = caller().partnerId();
        if (id == null) {
            throw ProblemException.forbidden("Only a partner organisation (X-API-Key) may call this.");
        }
        return UUID.fromString(id);
    }

    /** A referral sent to the calling partner, else 404 (another partner's referral, or a draft). */
    public Referral partnerSide(UUID id) {
        Referral r = Referral.findById(id);
        if (r == null || !r.partnerId.equals(partnerId()) || r.requestedAt == null) {
            throw ProblemException.notFound("Referral " + id);
        }
        return r;
    }
}
