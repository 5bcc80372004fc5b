package ua.social.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.cases.client.ClientCases;
import ua.social.cases.support.AccessLog;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.web.Versions;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;

import java.util.UUID;

/**
 * Who reaches which case. A case manager reaches the cases assigned to them or where they are a
 * team member; a supervisor every case of their community. Anything outside a caller's reach answers 404,
 * so its existence does not leak. Every read of a case file is written to the access log. Through a case,
 * its staff also reach the client's record ({@link ClientCases}).
 */
@ApplicationScoped
public class CaseAccess implements ClientCases {

    @Inject
    CurrentCaller currentCaller;
    @Inject
    AccessLog accessLog;

    public Caller caller() {
        return currentCaller.get();
    }

    /** The caller's own community; staff without one in their token cannot work on cases. */
    public String ownHromada() {
        return currentCaller.ownHromada();
    }

    public boolean reaches(Caller c, SocialCase sc) {
        if (c.hasRole(Roles.SUPERVISOR) && c.jurisdiction().coversHromada(sc.hromada)) {
            return true;
        }
        if (c.hasRole(Roles.CASE_MANAGER)) {
            return c.id().equals(sc.caseManagerId) || isTeamMember(c, sc.id);
        }
        return false;
    }

    public boolean isTeamMember(Caller c, UUID caseId) {
        return TeamMember.count("caseId = ?1 and userId = ?2", caseId, c.id()) > 0;
    }

    public boolean isSupervisorOf(Caller c, SocialCase sc) {
        return c.hasRole(Roles.SUPERVISOR) && c.jurisdiction().coversHromada(sc.hromada);
    }

    /** The case if the caller reaches it, else 404. */
    public SocialCase inReach(UUID id) {
        SocialCase sc = SocialCase.findById(id);
        if (sc == null || !reaches(caller(), sc)) {
            throw ProblemException.notFound("Case " + id);
        }
        return sc;
    }

    /** A read of the case file: reach checked and the read logged. */
    public SocialCase read(UUID id, String what) {
        SocialCase sc = inReach(id);
        accessLog.read(caller(), AccessLog.RecordType.CASE, id, what);
        return sc;
    }

    /** A change to the case: reach checked, then the caller's If-Match (if any) against the current version. */
    public SocialCase change(UUID id, String ifMatch) {
        SocialCase sc = inReach(id);
        Versions.check(ifMatch, sc.version);
        return sc;
    }

    /** A change that needs the case open. */
    public SocialCase changeOpen(UUID id, String ifMatch) {
        SocialCase sc = change(id, ifMatch);
        if (!sc.stage.isOpen()) {
            throw ProblemException.conflict("case-closed", "Case closed",
                    "Case " + sc.number + " is closed; a supervisor can reopen it.");
        }
        return sc;
    }

    @Override
    public boolean reachThroughCase(Caller c, UUID clientId) {
        if (c.hasRole(Roles.CASE_MANAGER)) {
            return SocialCase.count("clientId = ?1 and (caseManagerId = ?2 or id in "
                    + "(select t.caseId from TeamMember t where t.userId = ?2))", clientId, c.id()) > 0;
        }
        if (c.hasRole(Roles.SUPERVISOR)) {
            return SocialCase.count("clientId = ?1 and hromada = ?2", clientId, c.jurisdiction().hromada()) > 0;
        }
        return false;
    }
}
