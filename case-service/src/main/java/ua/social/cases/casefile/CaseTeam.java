package ua.social.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.TeamMemberRequest;
import ua.social.cases.casefile.CaseCommands.TeamRequest;
import ua.social.cases.staff.StaffDirectory;
import ua.social.cases.staff.StaffMember;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case's team: its arrangement and members, set by the case manager or a supervisor. A team member with
 * platform access (STAFF) reaches the case file and the client record, so they must be staff of the case's
 * community, as the staff directory (the realm) knows them; an unknown username and another community's staff
 * get the same answer, so the check does not enumerate staff. People of other agencies are PARTNER members:
 * named, with no username, never any reach.
 */
@ApplicationScoped
public class CaseTeam {

    @Inject
    Clock clock;
    @Inject
    StaffDirectory staff;
    @Inject
    CaseAccess access;
    @Inject
    Timeline timeline;

    /** Sets the team arrangement and members of an open case (its case manager or a supervisor). */
    @Transactional
    public SocialCase set(UUID id, String ifMatch, TeamRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(id, ifMatch);
        if (!caller.id().equals(c.caseManagerId) && !access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("The case manager or a supervisor sets the team.");
        }
        List<TeamMember> members = members(c, req.members() == null ? List.of() : req.members());
        TeamMember.delete("caseId", c.id);
        members.forEach(t -> t.persist());
        c.teamArrangement = req.arrangement();
        c.updatedAt = OffsetDateTime.now(clock);
        timeline.append(c.id, "TEAM_CHANGED", "Team: " + req.arrangement() + ", " + members.size() + " member(s)",
                caller.username(), Map.of("arrangement", req.arrangement().name(),
                        "members", members.stream().map(t -> t.name).toList()));
        SocialCase.flush();
        return c;
    }

    /** The team members a request names, checked, for the given case (not yet stored). */
    public List<TeamMember> members(SocialCase c, List<TeamMemberRequest> requested) {
        List<TeamMember> members = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            TeamMemberRequest r = requested.get(i);
            String field = "members[" + i + "]";
            TeamMember t = new TeamMember();
            t.id = UUID.randomUUID();
            t.caseId = c.id;
            t.kind = r.kind();
            t.specialty = r.specialty() == null || r.specialty().isBlank() ? null : r.specialty().trim();
            if (r.kind() == TeamMember.Kind.STAFF) {
                if (r.username() == null) {
                    throw ProblemException.badRequest(field + ".username", "a staff member is named by username");
                }
                StaffMember m = staff.byUsername(r.username())
                        .filter(s -> c.hromada.equals(s.hromada()))
                        .orElseThrow(() -> notCommunityStaff(field, c));
                t.userId = m.id();
                t.username = m.username();
                t.name = m.name();
            } else {
                if (r.username() != null) {
                    throw ProblemException.badRequest(field + ".username",
                            "an external (PARTNER) member has no username and gets no access; name them instead");
                }
                if (r.name() == null || r.name().isBlank()) {
                    throw ProblemException.badRequest(field + ".name", "a partner specialist or organisation is named");
                }
                t.name = r.name().trim();
            }
            members.add(t);
        }
        return members;
    }

    private static ProblemException notCommunityStaff(String field, SocialCase c) {
        return new ProblemException(Problem.of(422, "not-community-staff", "Not staff of the case's community",
                        "Only staff of the case's community (" + c.hromada + ") can be team members with access. "
                                + "Record a specialist of another agency as a PARTNER member, by name.")
                .field(field + ".username", "no staff member of the case's community has this username"));
    }
}
