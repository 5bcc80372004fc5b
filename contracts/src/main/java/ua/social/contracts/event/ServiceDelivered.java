package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;
import java.util.UUID;

/** A service was delivered to a client, within a case or on an appeal. Schema: docs/events/case.service-delivered.schema.json. */
public record ServiceDelivered(
        UUID serviceId,
        UUID caseId,
        UUID appealId,
        UUID clientId,
        String oblast,
        String hromada,
        ServiceCategory category,
        LocalDate deliveredOn) implements CaseEvent {

    public ServiceDelivered {
        Checks.present(serviceId, "serviceId");
        Checks.present(clientId, "clientId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(category, "category");
        Checks.present(deliveredOn, "deliveredOn");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.SERVICE_DELIVERED;
    }
}
