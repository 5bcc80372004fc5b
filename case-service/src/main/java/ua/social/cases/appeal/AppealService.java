package ua.social.cases.appeal;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.casefile.ServiceDelivery;
import ua.social.cases.client.Client;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.messaging.CaseEvents;
import ua.social.cases.rest.AppealApi.AppealRequest;
import ua.social.cases.rest.AppealApi.ResolutionRequest;
import ua.social.cases.rest.AppealApi.ServiceRequest;
import ua.social.identity.Caller;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appeals at the front office, and how they end without a case. */
@ApplicationScoped
public class AppealService {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    HouseholdService households;
    @Inject
    CaseEvents events;

    @Transactional
    public Appeal record(AppealRequest req) {
        Caller caller = access.caller();
        String hromada = access.ownHromada();
        Client client = access.clientInReach(req.clientId());
        if (req.householdId() != null) {
            households.inReach(req.householdId());
        }
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.clientId = client.id;
        a.householdId = req.householdId();
        a.oblast = caller.jurisdiction().oblast();
        a.hromada = hromada;
        a.receivedAt = req.receivedAt() == null ? OffsetDateTime.now(clock) : req.receivedAt();
        a.channel = req.channel();
        a.location = req.location();
        a.needDomains = req.needDomains().stream().map(Enum::name).distinct().toList();
        a.description = req.description();
        a.outcome = Appeal.Outcome.PENDING;
        a.recordedBy = caller.username();
        a.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("appealId", a.id);
        data.put("clientId", a.clientId);
        data.put("oblast", a.oblast);
        data.put("hromada", a.hromada);
        data.put("receivedAt", a.receivedAt);
        data.put("channel", a.channel);
        data.put("needDomains", a.needDomains);
        data.put("vulnerableGroups", client.vulnerableGroups);
        events.publish(CaseEvents.APPEAL_RECORDED, a.clientId, a.id, data);
        return a;
    }

    public Appeal inReach(UUID id) {
        Appeal a = Appeal.findById(id);
        if (a == null || !access.caller().jurisdiction().coversHromada(a.hromada)) {
            throw ProblemException.notFound("Appeal " + id);
        }
        return a;
    }

    @Transactional
    public Appeal resolve(UUID id, ResolutionRequest req) {
        Appeal a = inReach(id);
        if (req.outcome() == Appeal.Outcome.PENDING || req.outcome() == Appeal.Outcome.CASE_OPENED) {
            throw ProblemException.badRequest("outcome", "must be INFORMATION_PROVIDED or ONE_OFF_SERVICES"
                    + " (a case is opened with POST /cases)");
        }
        if (a.outcome != Appeal.Outcome.PENDING) {
            throw ProblemException.conflict("appeal-resolved", "Appeal already resolved",
                    "This appeal already ended with " + a.outcome + ".");
        }
        if (req.outcome() == Appeal.Outcome.ONE_OFF_SERVICES && (req.services() == null || req.services().isEmpty())) {
            throw ProblemException.badRequest("services", "list the one-off services delivered");
        }
        a.outcome = req.outcome();
        if (req.services() != null) {
            for (ServiceRequest s : req.services()) {
                deliver(a, s);
            }
        }
        return a;
    }

    @Transactional
    public ServiceDelivery deliverOnAppeal(UUID appealId, ServiceRequest req) {
        return deliver(inReach(appealId), req);
    }

    private ServiceDelivery deliver(Appeal a, ServiceRequest req) {
        ServiceDelivery s = new ServiceDelivery();
        s.id = UUID.randomUUID();
        s.appealId = a.id;
        s.caseId = a.caseId;
        s.category = req.category();
        s.deliveredOn = req.deliveredOn();
        s.provider = req.provider();
        s.description = req.description();
        s.recordedBy = access.caller().username();
        s.recordedAt = OffsetDateTime.now(clock);
        s.persist();
        publishDelivered(events, s, a.oblast, a.hromada, a.clientId);
        return s;
    }

    /** The service-delivered event, shared by appeals and cases. */
    public static void publishDelivered(CaseEvents events, ServiceDelivery s, String oblast, String hromada, UUID clientId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceId", s.id);
        data.put("caseId", s.caseId);
        data.put("appealId", s.appealId);
        data.put("clientId", clientId);
        data.put("oblast", oblast);
        data.put("hromada", hromada);
        data.put("category", s.category);
        data.put("deliveredOn", s.deliveredOn);
        events.publish(CaseEvents.SERVICE_DELIVERED, s.caseId != null ? s.caseId : clientId, s.id, data);
    }

    public PageView<Appeal> list(UUID clientId, Appeal.Outcome outcome, int page, int size) {
        String hromada = access.ownHromada();
        StringBuilder q = new StringBuilder("hromada = :hromada");
        Parameters p = Parameters.with("hromada", hromada);
        if (clientId != null) {
            q.append(" and clientId = :clientId");
            p.and("clientId", clientId);
        }
        if (outcome != null) {
            q.append(" and outcome = :outcome");
            p.and("outcome", outcome);
        }
        var query = Appeal.<Appeal>find(q.toString(), Sort.by("receivedAt").descending().and("id"), p);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list(), page, size, total);
    }

    public List<ServiceDelivery> services(UUID appealId) {
        inReach(appealId);
        return ServiceDelivery.list("appealId", Sort.by("deliveredOn").and("recordedAt"), appealId);
    }
}
