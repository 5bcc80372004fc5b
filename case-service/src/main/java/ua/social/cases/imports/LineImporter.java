package ua.social.cases.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import ua.social.cases.appeal.Appeal;
import ua.social.cases.appeal.AppealCommands.AppealRequest;
import ua.social.cases.casefile.CaseAssignment;
import ua.social.cases.casefile.CaseCommands.ClosureRequest;
import ua.social.cases.casefile.CaseCommands.OpenCaseRequest;
import ua.social.cases.casefile.CaseOpening;
import ua.social.cases.casefile.CaseStage;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.client.Client;
import ua.social.cases.client.ClientCommands.ClientRequest;
import ua.social.cases.client.ClientService;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.staff.StaffMember;
import ua.social.cases.support.Timeline;
import ua.social.contracts.code.Codes;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.AppealRecorded;
import ua.social.contracts.event.CaseAssigned;
import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseOpened;
import ua.social.contracts.event.ClientRegistered;
import ua.social.contracts.event.ServiceDelivered;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.Problem.FieldError;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.problem.ProblemMappers;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports one line of historical records, in the caller's transaction: checks it with the rules of the API (the
 * same command records and their constraints, the same rules of opening, assignment and closure), and only then
 * stores it, with its timeline and its events at their historical instants. A line that breaks a rule throws
 * {@link LineRefused} before anything of it is written.
 */
@ApplicationScoped
class LineImporter {

    /** Dates without a time of day are taken at the start of the day here. */
    static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
    static final Set<String> KINDS = Set.of("client", "appeal", "case", "service");
    static final int EXTERNAL_ID_MAX = 100;

    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper platformMapper;
    @Inject
    Validator validator;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;
    @Inject
    CaseAssignment assignment;

    private ObjectMapper mapper;
    private final ProblemMappers problems = new ProblemMappers();

    @PostConstruct
    void init() {
        mapper = platformMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What one chunk's transaction created so far that queries of it do not see yet (nothing is flushed before commit). */
    static final class Pending {
        final List<Client> clients = new ArrayList<>();
        final Set<String> rnokpps = new HashSet<>();
    }

    enum Outcome { IMPORTED, ALREADY_IMPORTED }

    /** The kind and external id of a line, as far as they can be read (for the report). */
    record Identity(String kind, String externalId) {
    }

    static Identity identity(ObjectNode n) {
        return new Identity(n == null ? null : scalar(n.get("kind")), n == null ? null : scalar(n.get("externalId")));
    }

    private static String scalar(JsonNode v) {
        return v != null && v.isValueNode() && !v.isNull() ? v.asText().trim() : null;
    }

    Outcome importLine(ImportJob job, int lineNumber, ObjectNode n, Pending pending) {
        String kind = take(n, "kind");
        if (kind == null || !KINDS.contains(kind)) {
            throw LineRefused.of("kind", kind == null ? "required: one of client, appeal, case, service"
                    : "unknown kind '" + kind + "'; allowed: client, appeal, case, service");
        }
        String externalId = take(n, "externalId");
        if (externalId == null) {
            throw LineRefused.of("externalId", "required: the record's id in the system it comes from");
        }
        if (externalId.length() > EXTERNAL_ID_MAX) {
            throw LineRefused.of("externalId", "size must be between 1 and " + EXTERNAL_ID_MAX);
        }
        ImportRecord.Key key = new ImportRecord.Key(job.hromada, kind, externalId);
        if (em.find(ImportRecord.class, key) != null) {
            return Outcome.ALREADY_IMPORTED;
        }
        UUID id = switch (kind) {
            case "client" -> client(job, n, pending);
            case "appeal" -> appeal(job, n);
            case "case" -> socialCase(job, n);
            default -> service(job, n);
        };
        ImportRecord r = new ImportRecord();
        r.id = key;
        r.recordId = id;
        r.jobId = job.id;
        r.line = lineNumber;
        r.persist();
        return Outcome.IMPORTED;
    }

    // ---------------------------------------------------------------- clients

    private UUID client(ImportJob job, ObjectNode n, Pending pending) {
        OffsetDateTime registeredAt = instant(n, "registeredAt", false);
        ClientRequest req = read(n, ClientRequest.class);
        if (req.hromada() != null && !req.hromada().equals(job.hromada)) {
            throw LineRefused.of("hromada", "not the community of this import (" + job.hromada + ")");
        }
        if (req.oblast() != null && !req.oblast().equals(job.oblast)) {
            throw LineRefused.of("oblast", "not the oblast of this import (" + job.oblast + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (registeredAt == null) {
            registeredAt = now;
        } else if (registeredAt.toLocalDate().isBefore(req.dateOfBirth())) {
            throw LineRefused.of("registeredAt", "is before the date of birth");
        }
        Client c = new Client();
        c.id = UUID.randomUUID();
        try {
            c.apply(req);
        } catch (ProblemException e) {
            throw refusal(e);
        }
        if (c.rnokpp != null && (pending.rnokpps.contains(c.rnokpp) || Client.count("rnokpp", c.rnokpp) > 0)) {
            throw LineRefused.of("rnokpp", "already registered");
        }
        if (!Boolean.TRUE.equals(req.confirmedNotDuplicate())) {
            boolean likely = !clientsLike(req, pending).isEmpty();
            if (likely) {
                throw LineRefused.of("confirmedNotDuplicate", "a registered client has the same date of birth and a "
                        + "close name (likely duplicate); if this is a different person, set confirmedNotDuplicate "
                        + "to true");
            }
        }
        c.oblast = job.oblast;
        c.hromada = job.hromada;
        c.createdAt = registeredAt;
        c.updatedAt = now;
        c.createdBy = job.createdBy;
        c.persist();
        pending.clients.add(c);
        if (c.rnokpp != null) {
            pending.rnokpps.add(c.rnokpp);
        }
        events.publish(c.id, c.id, new ClientRegistered(c.id, c.oblast, c.hromada,
                Codes.list(VulnerableGroup.class, c.vulnerableGroups), c.createdAt), c.createdAt);
        return c.id;
    }

    private List<Object> clientsLike(ClientRequest req, Pending pending) {
        List<Object> found = new ArrayList<>(ClientService.likelyDuplicatesOf(req.lastName(), req.firstName(),
                req.dateOfBirth()));
        for (Client other : pending.clients) {
            if (other.dateOfBirth.equals(req.dateOfBirth())
                    && ClientService.likelySamePerson(req.lastName(), req.firstName(), other.lastName, other.firstName) != null) {
                found.add(other);
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- appeals

    private UUID appeal(ImportJob job, ObjectNode n) {
        Client client = reference(job, n, "client", Client.class, true);
        Appeal.Outcome outcome = null;
        String outcomeText = take(n, "outcome");
        if (outcomeText != null) {
            if (!outcomeText.equals(Appeal.Outcome.INFORMATION_PROVIDED.name())
                    && !outcomeText.equals(Appeal.Outcome.ONE_OFF_SERVICES.name())) {
                throw LineRefused.of("outcome", "must be INFORMATION_PROVIDED or ONE_OFF_SERVICES (a case opened on "
                        + "the appeal is a case line naming it)");
            }
            outcome = Appeal.Outcome.valueOf(outcomeText);
        }
        OffsetDateTime receivedAt = instant(n, "receivedAt", true);
        n.put("clientId", client.id.toString());
        forbid(n, "householdId", "households are not imported");
        AppealRequest req = read(n, AppealRequest.class);
        if (receivedAt.toLocalDate().isBefore(client.dateOfBirth)) {
            throw LineRefused.of("receivedAt", "is before the client's date of birth");
        }
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.clientId = client.id;
        a.oblast = job.oblast;
        a.hromada = job.hromada;
        a.receivedAt = receivedAt;
        a.channel = req.channel();
        a.location = req.location();
        a.needDomains = req.needDomains().stream().map(Enum::name).distinct().toList();
        a.description = req.description();
        a.outcome = outcome == null ? Appeal.Outcome.PENDING : outcome;
        a.recordedBy = job.createdBy;
        a.persist();
        events.publish(a.clientId, a.id, new AppealRecorded(a.id, a.clientId, a.oblast, a.hromada, a.receivedAt,
                a.channel.name(), Codes.list(NeedDomain.class, a.needDomains),
                Codes.list(VulnerableGroup.class, client.vulnerableGroups)), a.receivedAt);
        return a.id;
    }

    // ---------------------------------------------------------------- cases

    private UUID socialCase(ImportJob job, ObjectNode n) {
        Appeal appeal = reference(job, n, "appeal", Appeal.class, false);
        Client client = reference(job, n, "client", Client.class, appeal == null);
        if (appeal != null && client != null && !appeal.clientId.equals(client.id)) {
            throw LineRefused.of("client", "differs from the appeal's client");
        }
        if (client == null) {
            client = em.find(Client.class, appeal.clientId);
        }
        OffsetDateTime openedAt = instant(n, "openedAt", true);
        OffsetDateTime assignedAt = instant(n, "assignedAt", false);
        OffsetDateTime closedAt = instant(n, "closedAt", false);
        String reason = take(n, "closureReason");
        String details = take(n, "closureDetails");
        String evaluation = take(n, "outcomeEvaluation");
        forbid(n, "householdId", "households are not imported");
        forbid(n, "consent", "consent is not imported");
        forbid(n, "caseloadOverrideReason", "caseload limits are not checked for imported cases");
        n.put("clientId", client.id.toString());
        if (appeal != null) {
            n.put("appealId", appeal.id.toString());
        }
        OpenCaseRequest req = read(n, OpenCaseRequest.class);
        ClosureRequest closure = null;
        if (closedAt != null || reason != null || evaluation != null || details != null) {
            if (closedAt == null) {
                throw LineRefused.of("closedAt", "required with a closure reason or outcome evaluation");
            }
            ObjectNode c = mapper.createObjectNode();
            putText(c, "reason", reason);
            putText(c, "details", details);
            putText(c, "outcomeEvaluation", evaluation);
            closure = read(c, ClosureRequest.class, Map.of("reason", "closureReason", "details", "closureDetails"));
            if (closedAt.isBefore(openedAt)) {
                throw LineRefused.of("closedAt", "is before openedAt");
            }
        }
        if (appeal != null) {
            if (appeal.caseId != null) {
                throw LineRefused.of("appeal", "a case was already opened on this appeal");
            }
            if (openedAt.isBefore(appeal.receivedAt)) {
                throw LineRefused.of("openedAt", "is before the appeal was received");
            }
        } else if (openedAt.toLocalDate().isBefore(client.dateOfBirth)) {
            throw LineRefused.of("openedAt", "is before the client's date of birth");
        }
        List<String> problemsRecorded = req.needDomains() == null || req.needDomains().isEmpty()
                ? (appeal == null ? List.of() : appeal.needDomains)
                : req.needDomains().stream().map(Enum::name).distinct().toList();
        List<String> criteria = req.criteria() == null ? List.of()
                : req.criteria().stream().map(Enum::name).distinct().toList();
        try {
            CaseOpening.requireCriteria(true, criteria, problemsRecorded, req.openingOverrideReason());
        } catch (ProblemException e) {
            throw refusal(e);
        }
        StaffMember manager = null;
        if (req.caseManager() != null) {
            try {
                manager = assignment.assignableCaseManager(req.caseManager(), job.hromada, "caseManager");
            } catch (ProblemException e) {
                throw refusal(e);
            }
            if (assignedAt == null) {
                assignedAt = openedAt;
            } else if (assignedAt.isBefore(openedAt)) {
                throw LineRefused.of("assignedAt", "is before openedAt");
            } else if (closedAt != null && assignedAt.isAfter(closedAt)) {
                throw LineRefused.of("assignedAt", "is after closedAt");
            }
        } else if (assignedAt != null) {
            throw LineRefused.of("caseManager", "required with assignedAt");
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        SocialCase c = new SocialCase();
        c.id = UUID.randomUUID();
        c.number = "CM-" + Year.from(openedAt.atZoneSameInstant(ZONE)) + "-" + String.format("%06d",
                ((Number) em.createNativeQuery("SELECT nextval('case_number_seq')").getSingleResult()).longValue());
        c.clientId = client.id;
        c.appealId = appeal == null ? null : appeal.id;
        c.oblast = job.oblast;
        c.hromada = job.hromada;
        c.stage = CaseStage.CONTACT;
        c.model = req.model();
        c.teamArrangement = req.teamArrangement() == null ? TeamArrangement.MULTIDISCIPLINARY : req.teamArrangement();
        c.criteria = criteria;
        c.openingOverrideReason = criteria.isEmpty() ? req.openingOverrideReason().trim() : null;
        c.openedAt = openedAt;
        c.openedBy = job.createdBy;
        c.updatedAt = now;
        c.persist();
        if (appeal != null) {
            appeal.caseOpened(c.id);
        }
        events.publish(c.id, c.id, new CaseOpened(c.id, c.number, c.clientId, "PERSON", c.appealId, c.oblast, c.hromada,
                c.model, c.teamArrangement.name(), c.criteria, c.criteria.isEmpty(),
                Codes.list(VulnerableGroup.class, client.vulnerableGroups), false, c.openedAt), c.openedAt);
        timeline.append(c.id, "CASE_OPENED", "Case " + c.number + " opened ("
                        + (criteria.isEmpty() ? "without criteria, supervisor's reason recorded" : String.join(", ", criteria))
                        + "); imported from historical records", job.createdBy,
                Map.of("model", c.model.name(), "criteria", criteria, "appealId", String.valueOf(c.appealId),
                        "importJob", job.id.toString()), c.openedAt, null);
        if (manager != null) {
            c.assignCaseManager(manager, assignedAt);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caseManager", manager.username());
            d.put("importJob", job.id.toString());
            timeline.append(c.id, "CASE_MANAGER_ASSIGNED", manager.name() + " (" + manager.username() + ") assigned; "
                    + "imported from historical records", job.createdBy, d, assignedAt, null);
            events.publish(c.id, c.id, new CaseAssigned(c.id, c.oblast, c.hromada, manager.id(), manager.username(),
                    null, c.model, false, assignedAt), assignedAt);
        }
        if (closure != null) {
            CaseStage from = c.close(closure.reason(), closure.details(), closure.outcomeEvaluation(), closedAt);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("reason", closure.reason().name());
            d.put("outcomeEvaluation", c.outcomeEvaluation);
            if (closure.details() != null) {
                d.put("details", closure.details());
            }
            d.put("importJob", job.id.toString());
            timeline.append(c.id, "CASE_CLOSED", "Case closed: " + closure.reason() + "; imported from historical "
                    + "records", job.createdBy, d, closedAt, null);
            events.publish(c.id, c.id, new CaseClosed(c.id, c.oblast, c.hromada, from.name(), c.closureReason,
                    c.caseManagerId, c.model, c.openedAt, c.closedAt), c.closedAt);
        }
        c.updatedAt = now;
        return c.id;
    }

    // ---------------------------------------------------------------- services

    private UUID service(ImportJob job, ObjectNode n) {
        SocialCase onCase = reference(job, n, "case", SocialCase.class, false);
        Appeal onAppeal = reference(job, n, "appeal", Appeal.class, false);
        if ((onCase == null) == (onAppeal == null)) {
            throw LineRefused.of("case", "give either the case or the appeal the service was delivered on");
        }
        ServiceRequest req = read(n, ServiceRequest.class);
        LocalDate day = req.deliveredOn();
        if (onCase != null) {
            if (day.isBefore(local(onCase.openedAt))) {
                throw LineRefused.of("deliveredOn", "is before the case was opened (" + local(onCase.openedAt) + ")");
            }
            if (onCase.closedAt != null && day.isAfter(local(onCase.closedAt))) {
                throw LineRefused.of("deliveredOn", "is after the case was closed (" + local(onCase.closedAt) + ")");
            }
        } else if (day.isBefore(local(onAppeal.receivedAt))) {
            throw LineRefused.of("deliveredOn", "is before the appeal was received (" + local(onAppeal.receivedAt) + ")");
        }
        ServiceDelivery s = new ServiceDelivery();
        s.id = UUID.randomUUID();
        s.caseId = onCase != null ? onCase.id : onAppeal.caseId;
        s.appealId = onAppeal == null ? null : onAppeal.id;
        s.category = req.category();
        s.deliveredOn = day;
        s.provider = req.provider().trim();
        s.description = req.description();
        s.recordedBy = job.createdBy;
        s.recordedAt = OffsetDateTime.now(clock);
        s.persist();
        UUID clientId = onCase != null ? onCase.clientId : onAppeal.clientId;
        events.publish(s.caseId != null ? s.caseId : clientId, s.id, new ServiceDelivered(s.id, s.caseId, s.appealId,
                clientId, job.oblast, job.hromada, s.category, s.deliveredOn), day.atStartOfDay(ZONE).toOffsetDateTime());
        return s.id;
    }

    // ---------------------------------------------------------------- reading a line

    private static LocalDate local(OffsetDateTime at) {
        return at.atZoneSameInstant(ZONE).toLocalDate();
    }

    private static String take(ObjectNode n, String field) {
        JsonNode v = n.remove(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw LineRefused.of(field, "must be text");
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static void putText(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void forbid(ObjectNode n, String field, String why) {
        if (n.has(field)) {
            throw LineRefused.of(field, "not accepted in an import: " + why);
        }
    }

    /** A date-time with offset, or a date (the start of that day in Kyiv); not in the future, not before 1900. */
    private OffsetDateTime instant(ObjectNode n, String field, boolean required) {
        String s = take(n, field);
        if (s == null) {
            if (required) {
                throw LineRefused.of(field, "required");
            }
            return null;
        }
        OffsetDateTime at;
        try {
            at = s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZONE).toOffsetDateTime() : OffsetDateTime.parse(s);
        } catch (DateTimeException e) {
            throw LineRefused.of(field, "must be a date (YYYY-MM-DD) or a date-time with offset (ISO 8601)");
        }
        if (at.isAfter(OffsetDateTime.now(clock))) {
            throw LineRefused.of(field, "must be a date in the past or in the present");
        }
        if (at.getYear() < 1900) {
            throw LineRefused.of(field, "must be after 1900-01-01");
        }
        return at;
    }

    /** The record an earlier line (of this or an earlier import of the community) created under this external id. */
    private <T> T reference(ImportJob job, ObjectNode n, String field, Class<T> type, boolean required) {
        String externalId = take(n, field);
        if (externalId == null) {
            if (required) {
                throw LineRefused.of(field, "required: the external id of the " + field + " (an earlier line)");
            }
            return null;
        }
        ImportRecord r = em.find(ImportRecord.class, new ImportRecord.Key(job.hromada, field, externalId));
        T found = r == null ? null : em.find(type, r.recordId);
        if (found == null) {
            throw LineRefused.of(field, "no " + field + " with external id '" + externalId + "' was imported into "
                    + "this community (it must come on an earlier line)");
        }
        return found;
    }

    private <T> T read(ObjectNode n, Class<T> type) {
        return read(n, type, Map.of());
    }

    /** The line as the API's command record, checked with its constraints; fields renamed for the report. */
    private <T> T read(ObjectNode n, Class<T> type, Map<String, String> names) {
        T value;
        try {
            value = mapper.treeToValue(n, type);
        } catch (MismatchedInputException e) {
            throw refusal(problems.mismatchedInput(e), names);
        } catch (JsonMappingException e) {
            throw refusal(problems.jsonMapping(e), names);
        } catch (JsonProcessingException e) {
            throw LineRefused.of("line", "could not be read");
        } catch (IllegalArgumentException e) {
            throw LineRefused.of("line", "could not be read: " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw refusal(problems.constraintViolation(new ConstraintViolationException(violations)), names);
        }
        return value;
    }

    private static LineRefused refusal(Response r, Map<String, String> names) {
        Problem p = (Problem) r.getEntity();
        List<FieldError> errors = new ArrayList<>();
        if (p.errors != null) {
            for (FieldError e : p.errors) {
                errors.add(new FieldError(names.getOrDefault(e.field(), e.field()), e.message()));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError("line", p.detail == null ? p.title : p.detail));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return new LineRefused(errors);
    }

    static LineRefused refusal(ProblemException e) {
        Problem p = e.problem();
        if (p.errors != null && !p.errors.isEmpty()) {
            return new LineRefused(List.copyOf(p.errors));
        }
        return LineRefused.of("line", p.detail == null ? p.title : p.detail);
    }
}
