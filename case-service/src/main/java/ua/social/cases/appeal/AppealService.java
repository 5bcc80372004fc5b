package ua.social.cases.appeal;

import ua.social.contracts.code.Codes;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.contracts.event.AppealRecorded;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.appeal.AppealCommands.AppealRequest;
import ua.social.cases.appeal.AppealCommands.ResolutionRequest;
import ua.social.cases.client.Client;
import ua.social.cases.client.ClientAccess;
import ua.social.cases.client.HouseholdService;
import ua.social.cases.delivery.ServiceDeliveries;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Appeals at the front office, and how they end without a case. */
@ApplicationScoped
public class AppealService {

    @Inject
    Clock clock;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ClientAccess clients;
    @Inject
    HouseholdService households;
    @Inject
    ServiceDeliveries deliveries;
    @Inject
    CaseEvents events;

    @Transactional
    public Appeal record(AppealRequest req) {
        Caller caller = currentCaller.get();
        String hromada = currentCaller.ownHromada();
        Client client = clients.inReach(req.clientId());
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
        events.publish(a.clientId, a.id, new AppealRecorded(a.id, a.clientId, a.oblast, a.hromada, a.receivedAt,
                a.channel.name(), Codes.list(NeedDomain.class, a.needDomains),
                Codes.list(VulnerableGroup.class, client.vulnerableGroups)));
        return a;
    }

    public Appeal inReach(UUID id) {
        Appeal a = Appeal.findById(id);
        if (a == null || !currentCaller.get().jurisdiction().coversHromada(a.hromada)) {
            throw ProblemException.notFound("Appeal " + id);
        }
        return a;
    }

    @Transactional
    public Appeal resolve(UUID id, ResolutionRequest req) {
        Appeal a = inReach(id);
        a.resolve(req.outcome(), req.services() != null && !req.services().isEmpty());
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
        return deliveries.record(a.id, a.caseId, req, currentCaller.get().username(), a.oblast, a.hromada, a.clientId);
    }

    public PageView<Appeal> list(UUID clientId, Appeal.Outcome outcome, int page, int size) {
        String hromada = currentCaller.ownHromada();
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
