package ua.social.cases.casefile;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.delivery.ServiceDeliveries;
import ua.social.cases.delivery.ServiceDelivery;
import ua.social.cases.delivery.ServiceRequest;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Services delivered on a case (the service-delivered event is the one appeals publish too). */
@ApplicationScoped
public class CaseDeliveries {

    @Inject
    CaseAccess access;
    @Inject
    ServiceDeliveries deliveries;
    @Inject
    Timeline timeline;

    @Transactional
    public ServiceDelivery deliver(UUID caseId, ServiceRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(caseId, null);
        ServiceDelivery s = deliveries.record(null, caseId, req, caller.username(), c.oblast, c.hromada, c.clientId);
        timeline.append(caseId, "SERVICE_DELIVERED", "Service delivered: " + s.category + " by " + s.provider,
                caller.username(), Map.of("serviceId", s.id.toString(), "category", s.category.name(),
                        "deliveredOn", s.deliveredOn.toString()));
        return s;
    }

    public List<ServiceDelivery> services(UUID caseId) {
        access.read(caseId, "services delivered");
        return ServiceDelivery.list("caseId", Sort.by("deliveredOn").and("recordedAt"), caseId);
    }
}
