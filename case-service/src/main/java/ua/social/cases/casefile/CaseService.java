package ua.social.cases.casefile;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ua.social.identity.Territory;
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.AppealService;
import ua.social.cases.client.Client;
import ua.social.cases.client.HouseholdMember;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.messaging.CaseEvents;
import ua.social.cases.reference.CaseManagementModel;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.rest.CaseApi.AssignmentRequest;
import ua.social.cases.rest.CaseApi.CaseloadView;
import ua.social.cases.rest.CaseApi.ClosureRequest;
import ua.social.cases.rest.CaseApi.ConsentRequest;
import ua.social.cases.rest.CaseApi.OpenCaseRequest;
import ua.social.cases.rest.CaseApi.ReopenRequest;
import ua.social.cases.rest.CaseApi.StageRequest;
import ua.social.cases.rest.CaseApi.TeamRequest;
import ua.social.cases.rest.CaseApi.TransferRequest;
import ua.social.cases.rest.CaseApi.WithdrawalRequest;
import ua.social.cases.staff.StaffDirectory;
import ua.social.cases.staff.StaffMember;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Opening, assigning, moving, transferring and closing cases: the rules of a case's life. */
@ApplicationScoped
public class CaseService {

    /** Problems needed for the "more than three problems" criterion. */
    static final int MORE_THAN = 3;

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;
    @Inject
    StaffDirectory staff;
    @Inject
    AppealService appeals;
    @Inject
    HouseholdService households;
    @Inject
    EntityManager em;
    @Inject
    CaseTeam team;

    // ---------------------------------------------------------------- opening

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
            if (appeal.caseId != null) {
                throw new ProblemException(Problem.of(409, "appeal-has-case", "Case already opened",
                        "A case was already opened on this appeal.").with("caseId", appeal.caseId));
            }
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
        Client client = access.clientInReach(clientId);
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
            applyConsent(c, req.consent());
        }
        c.persist();
        if (appeal != null) {
            appeal.caseId = c.id;
            appeal.outcome = Appeal.Outcome.CASE_OPENED;
        }

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("caseNumber", c.number);
        data.put("clientId", c.clientId);
        data.put("clientKind", c.householdId == null ? "PERSON" : "FAMILY");
        data.put("appealId", c.appealId);
        data.put("oblast", c.oblast);
        data.put("hromada", c.hromada);
        data.put("model", c.model);
        data.put("teamArrangement", c.teamArrangement);
        data.put("criteria", c.criteria);
        data.put("openedWithoutCriteria", criteria.isEmpty());
        data.put("vulnerableGroups", client.vulnerableGroups);
        data.put("consentToShare", c.sharingConsentActive());
        data.put("openedAt", c.openedAt);
        events.publish(CaseEvents.OPENED, c.id, c.id, data);
        timeline.append(c.id, "CASE_OPENED", "Case " + c.number + " opened ("
                        + (criteria.isEmpty() ? "without criteria, supervisor's reason recorded" : String.join(", ", criteria)) + ")",
                caller.username(), Map.of("model", c.model.name(), "criteria", criteria,
                        "appealId", String.valueOf(c.appealId)));
        if (req.consent() != null) {
            consentChanged(c, caller, "Consent recorded");
        }
        if (req.caseManager() != null) {
            assign(c, caller, req.caseManager(), "caseManager", req.caseloadOverrideReason(), "assigned at opening");
        }
        return c;
    }

    private static void checkCriteria(Caller caller, List<String> criteria, List<String> problems, String override) {
        if (criteria.isEmpty()) {
            if (override == null || override.isBlank()) {
                throw new ProblemException(Problem.of(422, "opening-criteria-missing", "No criterion for case management",
                                "A case is opened when at least one criterion holds: more than 3 problems with long-term "
                                        + "work expected, additional resources needed, or the person cannot reach a vital "
                                        + "service alone. A supervisor may open without one, giving a written reason.")
                        .field("criteria", "at least one criterion is required"));
            }
            if (!caller.hasRole(Roles.SUPERVISOR)) {
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

    // ---------------------------------------------------------------- assignment and caseload

    @Transactional
    public SocialCase assign(UUID id, String ifMatch, AssignmentRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(id, ifMatch);
        if (!access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Only a supervisor of the case's community assigns its case manager.");
        }
        if (req.model() != null && req.model() != c.model) {
            CaseManagementModel from = c.model;
            c.model = req.model();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", from.name());
            details.put("to", c.model.name());
            StaffMember m = caseManager(req.caseManager(), c, "caseManager");
            if (m.id().equals(c.caseManagerId)) {
                // The case stays with its case manager: the stricter limit of the new model still applies.
                Caseload load = checkCaseload(c, caller, m, req.caseloadOverrideReason());
                details.put("activeCasesBefore", load.others());
                details.put("limit", load.limit());
                if (load.overridden()) {
                    details.put("caseloadOverrideReason", req.caseloadOverrideReason().trim());
                }
            }
            timeline.append(c.id, "MODEL_CHANGED", "Model changed from " + from + " to " + c.model
                            + (details.containsKey("caseloadOverrideReason")
                            ? " over the caseload limit, supervisor's reason recorded" : ""),
                    caller.username(), details);
        }
        assign(c, caller, req.caseManager(), "caseManager", req.caseloadOverrideReason(), "assigned");
        SocialCase.flush();
        return c;
    }

    /**
     * A case manager of the case's community, else 422. The answer is the same whether the username is
     * unknown, is not a case manager or works elsewhere, so the answer does not tell who works where.
     */
    private StaffMember caseManager(String username, SocialCase c, String field) {
        return staff.byUsername(username)
                .filter(m -> m.hasRole(Roles.CASE_MANAGER))
                .filter(m -> m.hromada() != null && m.hromada().equals(c.hromada))
                .orElseThrow(() -> new ProblemException(Problem.of(422, "not-an-assignable-case-manager",
                                "Not a case manager of this community",
                                "The case can be assigned only to a case manager of its community; pick one from "
                                        + "GET /caseload.")
                        .field(field, "not a case manager of the case's community")));
    }

    /** A case manager's active cases other than this one, against the limit of this case's model. */
    private record Caseload(long others, int limit, boolean overridden) {
    }

    /**
     * Refuses (409 caseload-limit-reached) when the case manager already carries as many other active cases as
     * the case's model allows, unless a supervisor gives a reason. Serialised per case manager by an advisory lock.
     */
    private Caseload checkCaseload(SocialCase c, Caller caller, StaffMember m, String overrideReason) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, m.id()).getSingleResult();
        long others = SocialCase.count("caseManagerId = ?1 and stage <> ?2 and id <> ?3", m.id(), CaseStage.CLOSED, c.id);
        int limit = c.model.caseloadLimit();
        if (others < limit) {
            return new Caseload(others, limit, false);
        }
        if (overrideReason == null || overrideReason.isBlank() || !caller.hasRole(Roles.SUPERVISOR)) {
            throw new ProblemException(Problem.of(409, "caseload-limit-reached", "Caseload limit reached",
                            m.username() + " already carries " + others + " active cases; the " + c.model
                                    + " model allows " + limit + ". A supervisor may go ahead anyway with a written "
                                    + "reason (caseloadOverrideReason).")
                    .with("caseManager", m.username()).with("activeCases", others).with("limit", limit)
                    .with("model", c.model.name()));
        }
        return new Caseload(others, limit, true);
    }

    /**
     * Assigns a case manager of the case's community, refusing past the model's caseload limit unless a
     * supervisor overrides with a reason. Assignments to one case manager are serialised by an advisory lock.
     */
    void assign(SocialCase c, Caller caller, String username, String field, String overrideReason, String how) {
        StaffMember m = caseManager(username, c, field);
        if (m.id().equals(c.caseManagerId)) {
            return;
        }
        Caseload load = checkCaseload(c, caller, m, overrideReason);
        long active = load.others();
        int limit = load.limit();
        boolean overridden = load.overridden();
        String previous = c.caseManagerUsername;
        c.caseManagerId = m.id();
        c.caseManagerUsername = m.username();
        c.caseManagerName = m.name();
        c.updatedAt = OffsetDateTime.now(clock);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseManager", m.username());
        details.put("previousCaseManager", previous);
        details.put("activeCasesBefore", active);
        details.put("limit", limit);
        if (overridden) {
            details.put("caseloadOverrideReason", overrideReason.trim());
        }
        timeline.append(c.id, "CASE_MANAGER_ASSIGNED", m.name() + " (" + m.username() + ") " + how
                + (overridden ? " over the caseload limit, supervisor's reason recorded" : ""), caller.username(), details);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("oblast", c.oblast);
        data.put("hromada", c.hromada);
        data.put("caseManagerId", m.id());
        data.put("caseManagerUsername", m.username());
        data.put("previousCaseManagerId", previous == null ? null : details.get("previousCaseManager"));
        data.put("model", c.model);
        data.put("caseloadOverride", overridden);
        data.put("assignedAt", c.updatedAt);
        events.publish(CaseEvents.ASSIGNED, c.id, c.id, data);
    }

    public long activeCaseload(String caseManagerId) {
        return SocialCase.count("caseManagerId = ?1 and stage <> ?2", caseManagerId, CaseStage.CLOSED);
    }

    /** Caseload of the case managers the caller oversees (a supervisor: the community; a case manager: self). */
    public List<CaseloadView> caseload(String username) {
        Caller caller = access.caller();
        String hromada = access.ownHromada();
        List<StaffMember> managers;
        if (caller.hasRole(Roles.SUPERVISOR)) {
            managers = staff.inCommunity(hromada).stream()
                    .filter(m -> m.hasRole(Roles.CASE_MANAGER))
                    .filter(m -> username == null || m.username().equals(username)).toList();
        } else {
            if (username != null && !username.equals(caller.username())) {
                throw ProblemException.forbidden("A case manager sees only their own caseload.");
            }
            managers = List.of(new StaffMember(caller.id(), caller.username(), caller.displayName(), caller.roles(),
                    caller.jurisdiction().oblast(), hromada));
        }
        List<CaseloadView> out = new ArrayList<>();
        for (StaffMember m : managers) {
            Map<String, Long> byModel = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createQuery("select c.model, count(c) from SocialCase c where c.caseManagerId = ?1 "
                    + "and c.stage <> ?2 group by c.model").setParameter(1, m.id()).setParameter(2, CaseStage.CLOSED)
                    .getResultList();
            long total = 0;
            int strictest = Integer.MAX_VALUE;
            for (Object[] r : rows) {
                CaseManagementModel model = (CaseManagementModel) r[0];
                long n = (Long) r[1];
                byModel.put(model.name(), n);
                total += n;
                strictest = Math.min(strictest, model.caseloadLimit());
            }
            out.add(new CaseloadView(m.id(), m.username(), m.name(), total, byModel,
                    strictest == Integer.MAX_VALUE ? 0 : strictest));
        }
        out.sort((a, b) -> a.username().compareTo(b.username()));
        return out;
    }

    // ---------------------------------------------------------------- stages

    @Transactional
    public SocialCase move(UUID id, String ifMatch, StageRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        CaseStage from = c.stage;
        CaseStage to = req.stage();
        if (to == CaseStage.CLOSED) {
            throw new ProblemException(Problem.of(409, "illegal-stage-move", "Use closure",
                    "A case is closed with POST /cases/{id}/closure, giving a reason and an outcome evaluation.")
                    .with("currentStage", from.name())
                    .with("allowedMoves", from.allowedMoves().stream().map(Enum::name).toList())
                    // deprecated alias of allowedMoves, kept for release 0.1 only
                    .with("allowedStages", from.allowedMoves().stream().map(Enum::name).toList()));
        }
        from.requireMove(to, from.forwardMoves());
        requireReadyFor(c, to);
        c.stage = to;
        c.updatedAt = OffsetDateTime.now(clock);
        stageChanged(c, caller, from, req.note());
        SocialCase.flush();
        return c;
    }

    /** What must be on file before a case enters a stage. */
    private void requireReadyFor(SocialCase c, CaseStage to) {
        switch (to) {
            case ASSESSMENT -> {
                if (!c.consentProcessing || c.consentWithdrawnAt != null) {
                    throw ProblemException.unprocessable("consent-required", "Informed consent required",
                            "Record the client's informed consent to the processing of their data before assessment.");
                }
            }
            case PLANNING -> {
                if (Assessment.count("caseId", c.id) == 0) {
                    throw ProblemException.unprocessable("assessment-required", "Assessment required",
                            "Record an assessment of needs and strengths before planning.");
                }
            }
            case IMPLEMENTATION -> {
                PlanRevision current = PlanRevision.find("caseId = ?1 and current = true", c.id).firstResult();
                if (current == null) {
                    throw ProblemException.unprocessable("plan-required", "Individual plan required",
                            "Agree an individual plan with the client before implementation.");
                }
            }
            default -> {
            }
        }
    }

    private void stageChanged(SocialCase c, Caller caller, CaseStage from, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", c.stage.name());
        if (note != null && !note.isBlank()) {
            details.put("note", note);
        }
        timeline.append(c.id, "STAGE_CHANGED", "Stage " + from + " → " + c.stage, caller.username(), details);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("oblast", c.oblast);
        data.put("hromada", c.hromada);
        data.put("from", from);
        data.put("to", c.stage);
        data.put("changedAt", c.updatedAt);
        events.publish(CaseEvents.STAGE_CHANGED, c.id, c.id, data);
    }

    @Transactional
    public SocialCase close(UUID id, String ifMatch, ClosureRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        CaseStage from = c.stage;
        from.requireMove(CaseStage.CLOSED, from.allowedMoves());
        c.stage = CaseStage.CLOSED;
        c.closedAt = OffsetDateTime.now(clock);
        c.updatedAt = c.closedAt;
        c.closureReason = req.reason();
        c.closureDetails = req.details();
        c.outcomeEvaluation = req.outcomeEvaluation().trim();
        timeline.append(c.id, "CASE_CLOSED", "Case closed: " + req.reason(), caller.username(),
                Map.of("from", from.name(), "reason", req.reason().name()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("oblast", c.oblast);
        data.put("hromada", c.hromada);
        data.put("fromStage", from);
        data.put("reason", c.closureReason);
        data.put("caseManagerId", c.caseManagerId);
        data.put("model", c.model);
        data.put("openedAt", c.openedAt);
        data.put("closedAt", c.closedAt);
        events.publish(CaseEvents.CLOSED, c.id, c.id, data);
        SocialCase.flush();
        return c;
    }

    @Transactional
    public SocialCase reopen(UUID id, String ifMatch, ReopenRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        if (!access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Only a supervisor of the case's community may reopen a case.");
        }
        if (c.stage != CaseStage.CLOSED) {
            throw c.stage.illegalMove(CaseStage.ASSESSMENT);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", req.reason());
        if (c.caseManagerId != null) {
            // Reopening gives the case back to its case manager: their caseload limit applies as to an assignment.
            Caseload load = checkCaseload(c, caller, new StaffMember(c.caseManagerId, c.caseManagerUsername,
                    c.caseManagerName, Set.of(Roles.CASE_MANAGER), c.oblast, c.hromada), req.caseloadOverrideReason());
            details.put("caseManager", c.caseManagerUsername);
            details.put("activeCasesBefore", load.others());
            details.put("limit", load.limit());
            if (load.overridden()) {
                details.put("caseloadOverrideReason", req.caseloadOverrideReason().trim());
            }
        }
        c.stage = CaseStage.ASSESSMENT;
        c.closedAt = null;
        c.closureReason = null;
        c.closureDetails = null;
        c.outcomeEvaluation = null;
        c.updatedAt = OffsetDateTime.now(clock);
        timeline.append(c.id, "CASE_REOPENED", "Case reopened for reassessment"
                + (details.containsKey("caseloadOverrideReason")
                ? " over the caseload limit, supervisor's reason recorded" : ""), caller.username(), details);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("oblast", c.oblast);
        data.put("hromada", c.hromada);
        data.put("stage", c.stage);
        data.put("caseManagerId", c.caseManagerId);
        data.put("reopenedAt", c.updatedAt);
        events.publish(CaseEvents.REOPENED, c.id, c.id, data);
        SocialCase.flush();
        return c;
    }

    // ---------------------------------------------------------------- consent

    @Transactional
    public SocialCase recordConsent(UUID id, String ifMatch, ConsentRequest req) {
        SocialCase c = access.changeOpen(id, ifMatch);
        applyConsent(c, req);
        consentChanged(c, access.caller(), "Consent recorded");
        SocialCase.flush();
        return c;
    }

    @Transactional
    public SocialCase withdrawConsent(UUID id, String ifMatch, WithdrawalRequest req) {
        SocialCase c = access.change(id, ifMatch);
        if (c.consentGivenAt == null || c.consentWithdrawnAt != null
                || (Boolean.TRUE.equals(req.sharingOnly()) && !c.consentSharing)) {
            throw ProblemException.conflict("no-consent", "No consent to withdraw",
                    "There is no active consent of that scope on this case.");
        }
        if (Boolean.TRUE.equals(req.sharingOnly())) {
            c.consentSharing = false;
        } else {
            c.consentWithdrawnAt = OffsetDateTime.now(clock);
        }
        c.updatedAt = OffsetDateTime.now(clock);
        consentChanged(c, access.caller(), Boolean.TRUE.equals(req.sharingOnly())
                ? "Consent to share with partners withdrawn" : "Consent withdrawn");
        SocialCase.flush();
        return c;
    }

    private void applyConsent(SocialCase c, ConsentRequest req) {
        c.consentGivenAt = req.givenAt();
        c.consentProcessing = req.processing();
        c.consentSharing = req.sharingWithPartners();
        c.consentWithdrawnAt = null;
        c.updatedAt = OffsetDateTime.now(clock);
    }

    private void consentChanged(SocialCase c, Caller caller, String summary) {
        boolean active = c.consentWithdrawnAt == null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processing", active && c.consentProcessing);
        details.put("sharingWithPartners", c.sharingConsentActive());
        timeline.append(c.id, "CONSENT_CHANGED", summary, caller.username(), details);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("hromada", c.hromada);
        data.put("processing", active && c.consentProcessing);
        data.put("sharingWithPartners", c.sharingConsentActive());
        data.put("givenAt", c.consentGivenAt);
        data.put("withdrawnAt", c.consentWithdrawnAt);
        events.publish(CaseEvents.CONSENT_CHANGED, c.id, c.id, data);
    }

    // ---------------------------------------------------------------- team and transfer

    @Transactional
    public SocialCase setTeam(UUID id, String ifMatch, TeamRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(id, ifMatch);
        if (!caller.id().equals(c.caseManagerId) && !access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("The case manager or a supervisor sets the team.");
        }
        List<TeamMember> members = team.members(c, req.members() == null ? List.of() : req.members());
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", c.id);
        data.put("fromOblast", c.oblast);
        data.put("fromHromada", c.hromada);
        data.put("fromCaseManagerId", c.caseManagerId);
        String fromSummary = c.hromada + (c.caseManagerUsername == null ? "" : " / " + c.caseManagerUsername);
        if (req.toHromada() != null && !req.toHromada().equals(c.hromada)) {
            c.oblast = req.toOblast();
            c.hromada = req.toHromada();
            c.caseManagerId = null;
            c.caseManagerUsername = null;
            c.caseManagerName = null;
            TeamMember.delete("caseId = ?1 and kind = ?2", c.id, TeamMember.Kind.STAFF);
        }
        if (req.toCaseManager() != null) {
            assign(c, caller, req.toCaseManager(), "toCaseManager", req.caseloadOverrideReason(),
                    "took over the case by transfer");
        }
        c.updatedAt = OffsetDateTime.now(clock);
        timeline.append(c.id, "CASE_TRANSFERRED", "Transferred from " + fromSummary + " to " + c.hromada
                + (c.caseManagerUsername == null ? "" : " / " + c.caseManagerUsername), caller.username(),
                Map.of("reason", req.reason()));
        data.put("toOblast", c.oblast);
        data.put("toHromada", c.hromada);
        data.put("toCaseManagerId", c.caseManagerId);
        data.put("transferredAt", c.updatedAt);
        events.publish(CaseEvents.TRANSFERRED, c.id, c.id, data);
        SocialCase.flush();
        return c;
    }

    // ---------------------------------------------------------------- lists

    public PageView<SocialCase> list(CaseStage stage, String caseManager, String hromada, CaseManagementModel model,
                                     Boolean overdue, int page, int size) {
        Caller caller = access.caller();
        String own = access.ownHromada();
        StringBuilder q = new StringBuilder();
        Parameters p = new Parameters();
        if (caller.hasRole(Roles.SUPERVISOR)) {
            if (hromada != null && !hromada.equals(own)) {
                return PageView.of(List.of(), page, size, 0);
            }
            q.append("hromada = :hromada");
            p.and("hromada", own);
        } else {
            q.append("(caseManagerId = :me or id in (select t.caseId from TeamMember t where t.userId = :me))");
            p.and("me", caller.id());
            if (hromada != null) {
                q.append(" and hromada = :hromada");
                p.and("hromada", hromada);
            }
        }
        if (stage != null) {
            q.append(" and stage = :stage");
            p.and("stage", stage);
        }
        if (caseManager != null) {
            q.append(" and caseManagerUsername = :cm");
            p.and("cm", caseManager);
        }
        if (model != null) {
            q.append(" and model = :model");
            p.and("model", model);
        }
        if (overdue != null) {
            q.append(overdue ? " and id in (:overdueIds)" : " and id not in (:overdueIds)");
            List<UUID> ids = overdueCaseIds();
            p.and("overdueIds", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
        }
        var query = SocialCase.<SocialCase>find(q.toString(), Sort.by("openedAt").descending().and("id"), p);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list(), page, size, total);
    }

    /** Open cases whose current plan has an action past its deadline and not done (the list's filter). */
    @SuppressWarnings("unchecked")
    public List<UUID> overdueCaseIds() {
        return em.createNativeQuery("SELECT DISTINCT r.case_id " + CaseWorkService.OVERDUE_ACTIONS)
                .getResultList().stream().map(o -> (UUID) o).toList();
    }

    /** Which of these cases have an overdue action (for the flags of one page of a list). */
    @SuppressWarnings("unchecked")
    public Set<UUID> overdueAmong(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("SELECT DISTINCT r.case_id " + CaseWorkService.OVERDUE_ACTIONS
                        + "AND r.case_id IN (:ids)").setParameter("ids", caseIds)
                .getResultList().stream().map(o -> (UUID) o).toList());
    }
}
