package ua.social.cases.casefile;

import ua.social.contracts.event.CaseTransferred;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.TransferRequest;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Territory;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Transferring a case to another case manager or community; its history stays with it. */
@ApplicationScoped
public class CaseTransfer {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    CaseAssignment assignment;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;

    @Transactional
    public SocialCase transfer(UUID id, String ifMatch, TransferRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(id, ifMatch);
        if (!access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Only a supervisor of the case's community transfers a case.");
        }
        if (req.toCaseManager() == null && req.toHromada() == null) {
            throw ProblemException.badRequest("toCaseManager", "give the case manager or the community to transfer to");
        }
        if ((req.toHromada() == null) != (req.toOblast() == null)) {
            throw ProblemException.badRequest(req.toHromada() == null ? "toHromada" : "toOblast",
                    "a community transfer names both the oblast and the community");
        }
        Territory.requireInOblast(req.toOblast(), "toOblast", req.toHromada(), "toHromada");
        String fromOblast = c.oblast;
        String fromHromada = c.hromada;
        String fromCaseManagerId = c.caseManagerId;
        String fromSummary = c.hromada + (c.caseManagerUsername == null ? "" : " / " + c.caseManagerUsername);
        if (req.toHromada() != null && !req.toHromada().equals(c.hromada)) {
            c.moveToCommunity(req.toOblast(), req.toHromada());
            TeamMember.delete("caseId = ?1 and kind = ?2", c.id, TeamMember.Kind.STAFF);
        }
        if (req.toCaseManager() != null) {
            assignment.assign(c, caller, req.toCaseManager(), "toCaseManager", req.caseloadOverrideReason(),
                    "took over the case by transfer");
        }
        c.updatedAt = OffsetDateTime.now(clock);
        timeline.append(c.id, "CASE_TRANSFERRED", "Transferred from " + fromSummary + " to " + c.hromada
                + (c.caseManagerUsername == null ? "" : " / " + c.caseManagerUsername), caller.username(),
                Map.of("reason", req.reason()));
        events.publish(c.id, c.id, new CaseTransferred(c.id, fromOblast, fromHromada, fromCaseManagerId, c.oblast, c.hromada,
                c.caseManagerId, c.updatedAt));
        SocialCase.flush();
        return c;
    }
}
