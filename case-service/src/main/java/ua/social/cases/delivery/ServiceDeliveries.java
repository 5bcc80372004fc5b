package ua.social.cases.delivery;

import ua.social.contracts.event.ServiceDelivered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.events.CaseEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Services delivered, on an appeal or on a case: stored, and announced as service-delivered. */
@ApplicationScoped
public class ServiceDeliveries {

    @Inject
    Clock clock;
    @Inject
    CaseEvents events;

    /**
     * Stores the service and publishes its event, in the caller's transaction.
     *
     * @param appealId the appeal it was delivered on, or null
     * @param caseId   the case it was delivered on (or the appeal's case), or null
     * @param oblast   the oblast of the appeal or case (for the event), as {@code hromada} its community
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ServiceDelivery record(UUID appealId, UUID caseId, ServiceRequest req, String recordedBy, String oblast,
                                  String hromada, UUID clientId) {
        ServiceDelivery s = new ServiceDelivery();
        s.id = UUID.randomUUID();
        s.appealId = appealId;
        s.caseId = caseId;
        s.category = req.category();
        s.deliveredOn = req.deliveredOn();
        s.provider = req.provider();
        s.description = req.description();
        s.recordedBy = recordedBy;
        s.recordedAt = OffsetDateTime.now(clock);
        s.persist();
        publishDelivered(s, oblast, hromada, clientId);
        return s;
    }

    /** The service-delivered event, shared by appeals and cases. */
    private void publishDelivered(ServiceDelivery s, String oblast, String hromada, UUID clientId) {
        events.publish(s.caseId != null ? s.caseId : clientId, s.id, new ServiceDelivered(s.id, s.caseId, s.appealId,
                clientId, oblast, hromada, s.category, s.deliveredOn));
    }
}
