package ua.social.cases.records;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.TransferRequest;
import ua.social.cases.casefile.CaseStage;
import ua.social.cases.casefile.CaseTransfer;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.client.Client;
import ua.social.cases.client.ClientAccess;
import ua.social.cases.client.RecordReference;
import ua.social.cases.records.RecordRequestCommands.Decision;
import ua.social.cases.records.RecordRequestCommands.RecordRequestCreate;
import ua.social.cases.records.RecordRequestCommands.RecordRequestDecision;
import ua.social.cases.support.AccessLog;
import ua.social.cases.support.CurrentCaller;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Record requests between communities. A supervisor whose front office was told "a record exists elsewhere"
 * asks for it with the reference; the owning community's supervisor accepts or declines. On acceptance the
 * client record moves to the requesting community and, if the owner chooses, its open cases are transferred
 * (the case transfer of {@link CaseTransfer}, with its timeline entry and event); every case of the client gets
 * a timeline entry, and the move is in the client's access log.
 */
@ApplicationScoped
public class RecordRequestService {

    public static final String TIMELINE_TYPE = "CLIENT_RECORD_TRANSFERRED";

    @Inject
    Clock clock;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ClientAccess clients;
    @Inject
    AccessLog accessLog;
    @Inject
    CaseTransfer transfers;
    @Inject
    Timeline timeline;

    @Transactional
    public RecordRequest request(RecordRequestCreate req) {
        Caller caller = currentCaller.get();
        String hromada = currentCaller.ownHromada();
        OffsetDateTime now = OffsetDateTime.now(clock);
        RecordReference ref = RecordReference.findById(req.reference());
        if (ref == null || !hromada.equals(ref.hromada) || ref.expiresAt.isBefore(now)) {
            throw new ProblemException(Problem.of(422, "unknown-reference", "Unknown reference",
                            "This reference is unknown, expired or was issued to another community; run the duplicate "
                                    + "check again for a current one.")
                    .field("reference", "unknown, expired or issued to another community"));
        }
        Client client = Client.findById(ref.clientId, LockModeType.PESSIMISTIC_WRITE);
        if (clients.reaches(caller, client)) {
            throw ProblemException.conflict("record-in-reach", "Record already in your reach",
                    "This record is already in your community's reach; find it with the client search.");
        }
        RecordRequest pending = RecordRequest.<RecordRequest>find("clientId = ?1 and requestingHromada = ?2 and status = ?3",
                client.id, hromada, RecordRequest.Status.PENDING).firstResult();
        if (pending != null) {
            throw new ProblemException(Problem.of(409, "record-request-pending", "Already requested",
                    "Your community already asked for this record; the request awaits the owner's decision.")
                    .with("recordRequestId", pending.id));
        }
        RecordRequest r = new RecordRequest();
        r.id = UUID.randomUUID();
        r.clientId = client.id;
        r.match = ref.match;
        r.requestingOblast = caller.jurisdiction().oblast();
        r.requestingHromada = hromada;
        r.requestedBy = caller.username();
        r.requestedAt = now;
        r.reason = req.reason().trim();
        r.owningHromada = client.hromada;
        r.status = RecordRequest.Status.PENDING;
        r.persist();
        accessLog.read(caller, AccessLog.RecordType.CLIENT, client.id, "record requested, nothing shown");
        return r;
    }

    /** Requests the caller's community made (outgoing) or received (incoming), newest first. */
    public PageView<RecordRequest> list(String direction, RecordRequest.Status status, int page, int size) {
        String hromada = currentCaller.ownHromada();
        String q;
        if (direction == null) {
            q = "(owningHromada = :h or requestingHromada = :h)";
        } else if (direction.equals("incoming")) {
            q = "owningHromada = :h";
        } else if (direction.equals("outgoing")) {
            q = "requestingHromada = :h";
        } else {
            throw ProblemException.badRequest("direction", "must be incoming or outgoing");
        }
        Parameters p = Parameters.with("h", hromada);
        if (status != null) {
            q += " and status = :status";
            p.and("status", status);
        }
        var query = RecordRequest.<RecordRequest>find(q, Sort.by("requestedAt").descending().and("id"), p);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list(), page, size, total);
    }

    /** A request of the caller's community, either side; else 404. */
    public RecordRequest inReach(UUID id) {
        String hromada = currentCaller.ownHromada();
        RecordRequest r = RecordRequest.findById(id);
        if (r == null || !(hromada.equals(r.owningHromada) || hromada.equals(r.requestingHromada))) {
            throw ProblemException.notFound("Record request " + id);
        }
        return r;
    }

    @Transactional
    public RecordRequest decide(UUID id, RecordRequestDecision req) {
        Caller caller = currentCaller.get();
        String hromada = currentCaller.ownHromada();
        inReach(id);
        RecordRequest r = RecordRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (!hromada.equals(r.owningHromada)) {
            throw ProblemException.forbidden("Only a supervisor of the community that holds the record decides.");
        }
        r.requirePending();
        Client client = Client.findById(r.clientId, LockModeType.PESSIMISTIC_WRITE);
        if (!r.owningHromada.equals(client.hromada)) {
            throw ProblemException.conflict("record-moved", "Record moved",
                    "The record has moved to another community since it was requested; it can no longer be decided here.");
        }
        r.decide(req.decision() == Decision.ACCEPTED, caller.username(), req.note(), OffsetDateTime.now(clock));
        if (r.status == RecordRequest.Status.DECLINED) {
            return r;
        }
        String from = client.hromada;
        if (Boolean.TRUE.equals(req.transferOpenCase())) {
            for (SocialCase c : SocialCase.<SocialCase>list("clientId = ?1 and hromada = ?2 and stage <> ?3",
                    client.id, from, CaseStage.CLOSED)) {
                transfers.transfer(c.id, null, new TransferRequest(null, r.requestingOblast, r.requestingHromada,
                        "Record request of " + r.requestingHromada + " accepted" + (r.decisionNote == null ? ""
                                : ": " + r.decisionNote), null));
                r.transferredCases.add(c.id.toString());
            }
        }
        client.moveToCommunity(r.requestingOblast, r.requestingHromada, r.decidedAt);
        for (SocialCase c : SocialCase.<SocialCase>list("clientId", client.id)) {
            boolean moved = r.transferredCases.contains(c.id.toString());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("recordRequestId", r.id.toString());
            details.put("fromHromada", from);
            details.put("toHromada", r.requestingHromada);
            details.put("requestedBy", r.requestedBy);
            details.put("caseTransferred", moved);
            timeline.append(c.id, TIMELINE_TYPE, "Client record transferred from " + from + " to "
                    + r.requestingHromada + " on its request" + (moved ? ", with this case" : ""), caller.username(), details);
        }
        accessLog.read(caller, AccessLog.RecordType.CLIENT, client.id, "record sent on request to " + r.requestingHromada);
        Client.flush();
        return r;
    }

    /** The request as the caller may see it; showing the person is an access-log read. */
    public RecordRequestView view(RecordRequest r) {
        Caller caller = currentCaller.get();
        Client client = Client.findById(r.clientId);
        boolean shown = client != null && clients.reaches(caller, client);
        if (shown) {
            accessLog.read(caller, AccessLog.RecordType.CLIENT, client.id, "record request");
        }
        return RecordRequestView.of(r, shown ? client : null);
    }

    public List<RecordRequestView> views(List<RecordRequest> requests) {
        return requests.stream().map(this::view).toList();
    }
}
