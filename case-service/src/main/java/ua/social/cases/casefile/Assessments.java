package ua.social.cases.casefile;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.AssessmentRequest;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Assessments of needs, strengths and risks, and reassessments (earlier ones are kept). */
@ApplicationScoped
public class Assessments {

    private static final Set<CaseStage> ASSESSING = EnumSet.of(CaseStage.ASSESSMENT, CaseStage.PLANNING,
            CaseStage.IMPLEMENTATION, CaseStage.MONITORING);
    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    Timeline timeline;

    @Transactional
    public Assessment assess(UUID caseId, AssessmentRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.inReach(caseId);
        c.requireStage(ASSESSING, "Assessment");
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < req.needs().size(); i++) {
            if (!domains.add(req.needs().get(i).domain().name())) {
                throw ProblemException.badRequest("needs[" + i + "].domain", "domain listed twice");
            }
        }
        int number = (int) Assessment.count("caseId", caseId) + 1;
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.caseId = caseId;
        a.number = number;
        a.assessedAt = OffsetDateTime.now(clock);
        a.assessedBy = caller.username();
        a.needs = req.needs().stream().map(n -> new Assessment.Need(n.domain().name(), n.severity(), n.description())).toList();
        a.strengths = req.strengths() == null ? List.of()
                : req.strengths().stream().map(s -> new Assessment.Strength(s.kind(), s.description())).toList();
        a.risks = req.risks() == null ? List.of()
                : req.risks().stream().map(r -> new Assessment.Risk(r.description(), r.severity())).toList();
        a.summary = req.summary();
        a.persist();
        timeline.append(caseId, number == 1 ? "ASSESSMENT_RECORDED" : "REASSESSMENT_RECORDED",
                (number == 1 ? "Assessment" : "Reassessment #" + number) + ": " + a.needs.size() + " need(s), "
                        + a.strengths.size() + " strength(s), " + a.risks.size() + " risk(s)",
                caller.username(), Map.of("assessment", number, "needDomains", List.copyOf(domains)));
        return a;
    }

    public List<Assessment> assessments(UUID caseId) {
        access.read(caseId, "assessments");
        return Assessment.list("caseId", Sort.by("number"), caseId);
    }
}
