package ua.social.cases.casefile;

import ua.social.contracts.code.Codes;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.CaseOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.AppealService;
import ua.social.cases.casefile.CaseCommands.OpenCaseRequest;
import ua.social.cases.client.Client;
import ua.social.cases.client.ClientAccess;
import ua.social.cases.client.HouseholdMember;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Opening a case: on an appeal or for a client, when a criterion for case management holds. */
@ApplicationScoped
public class CaseOpening {

    /** Problems needed for the "more than three problems" criterion. */
    static final int MORE_THAN = 3;

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    ClientAccess clients;
    @Inject
    AppealService appeals;
    @Inject
    HouseholdService households;
    @Inject
    CaseAssignment assignment;
    @Inject
    CaseConsent consent;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;
    @Inject
    EntityManager em;

    @Transactional
    public SocialCase open(OpenCaseRequest req) {
        Caller caller = access.caller();
        String hromada = access.ownHromada();
        Appeal appeal = null;
        UUID clientId = req.clientId();
        List<String> problems = req.needDomains() == null ? List.of()
                : req.needDomains().stream().map(Enum::name).distinct().toList();
        if (req.appealId() != null) {
            appeal = appeals.inReach(req.appealId());
            appeal.requireNoCase();
            if (clientId != null && !clientId.equals(appeal.clientId)) {
                throw ProblemException.badRequest("clientId", "differs from the appeal's client");
            }
            clientId = appeal.clientId;
            if (problems.isEmpty()) {
                problems = appeal.needDomains;
            }
        }
        if (clientId == null) {
            throw ProblemException.badRequest("clientId", "give the client or the appeal the case is opened on");
        }
        Client client = clients.inReach(clientId);
        if (req.householdId() != null) {
            households.inReach(req.householdId());
            if (HouseholdMember.findById(new HouseholdMember.Key(req.householdId(), clientId)) == null) {
                throw ProblemException.badRequest("householdId", "the client is not a member of this household");
            }
        }
        List<String> criteria = req.criteria() == null ? List.of()
                : req.criteria().stream().map(Enum::name).distinct().toList();
        checkCriteria(caller, criteria, problems, req.openingOverrideReason());

        SocialCase c = new SocialCase();
        c.id = UUID.randomUUID();
        c.number = "CM-" + Year.now(clock) + "-"
                + String.format("%06d", ((Number) em.createNativeQuery("SELECT nextval('case_number_seq')")
                .getSingleResult()).longValue());
        c.clientId = clientId;
        c.householdId = req.householdId();
        c.appealId = appeal == null ? null : appeal.id;
        c.oblast = caller.jurisdiction().oblast();
        c.hromada = hromada;
        c.stage = CaseStage.CONTACT;
        c.model = req.model();
        c.teamArrangement = req.teamArrangement() == null ? TeamArrangement.MULTIDISCIPLINARY : req.teamArrangement();
        c.criteria = criteria;
        c.openingOverrideReason = criteria.isEmpty() ? req.openingOverrideReason().trim() : null;
        c.openedAt = OffsetDateTime.now(clock);
        c.openedBy = caller.username();
        c.updatedAt = c.openedAt;
        if (req.consent() != null) {
            c.recordConsent(req.consent().givenAt(), req.consent().processing(), req.consent().sharingWithPartners(),
                    OffsetDateTime.now(clock));
        }
        c.persist();
        if (appeal != null) {
            appeal.caseOpened(c.id);
        }

        publishOpened(c, client);
        timeline.append(c.id, "CASE_OPENED", "Case " + c.number + " opened ("
                        + (criteria.isEmpty() ? "without criteria, supervisor's reason recorded" : String.join(", ", criteria)) + ")",
                caller.username(), Map.of("model", c.model.name(), "criteria", criteria,
                        "appealId", String.valueOf(c.appealId)));
        if (req.consent() != null) {
            consent.changed(c, caller, "Consent recorded");
        }
        if (req.caseManager() != null) {
            assignment.assign(c, caller, req.caseManager(), "caseManager", req.caseloadOverrideReason(), "assigned at opening");
        }
        return c;
    }

    private void publishOpened(SocialCase c, Client client) {
        events.publish(c.id, c.id, new CaseOpened(c.id, c.number, c.clientId, c.householdId == null ? "PERSON" : "FAMILY",
                c.appealId, c.oblast, c.hromada, c.model, c.teamArrangement.name(), c.criteria, c.criteria.isEmpty(),
                Codes.list(VulnerableGroup.class, client.vulnerableGroups), c.sharingConsentActive(), c.openedAt));
    }

    private static void checkCriteria(Caller caller, List<String> criteria, List<String> problems, String override) {
        requireCriteria(caller.hasRole(Roles.SUPERVISOR), criteria, problems, override);
    }

    /**
     * The rule for opening a case: a criterion that holds (more than three problems need more than three need
     * domains), or, for a supervisor only, a written reason instead. Shared with the import of historical records.
     */
    public static void requireCriteria(boolean supervisor, List<String> criteria, List<String> problems, String override) {
        if (criteria.isEmpty()) {
            if (override == null || override.isBlank()) {
                throw new ProblemException(Problem.of(422, "opening-criteria-missing", "No criterion for case management",
                                "A case is opened when at least one criterion holds: more than 3 problems with long-term "
                                        + "work expected, additional resources needed, or the person cannot reach a vital "
                                        + "service alone. A supervisor may open without one, giving a written reason.")
                        .field("criteria", "at least one criterion is required"));
            }
            if (!supervisor) {
                throw new ProblemException(Problem.of(403, "supervisor-required", "Supervisor required",
                        "Only a supervisor may open a case without a criterion.").field("openingOverrideReason",
                        "only a supervisor may open without criteria"));
            }
        }
        if (criteria.contains(OpeningCriterion.MORE_THAN_THREE_PROBLEMS_LONG_TERM.name()) && problems.size() <= MORE_THAN) {
            throw new ProblemException(Problem.of(422, "criterion-not-met", "Criterion not met",
                    "MORE_THAN_THREE_PROBLEMS_LONG_TERM needs more than " + MORE_THAN + " problems (need domains) recorded; "
                            + problems.size() + " recorded.").field("criteria", "more than three problems are not recorded"));
        }
    }
}
