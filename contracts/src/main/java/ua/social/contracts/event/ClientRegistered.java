package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.VulnerableGroup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person was registered as a client. Schema: docs/events/case.client-registered.schema.json. */
public record ClientRegistered(
        UUID clientId,
        String oblast,
        String hromada,
        List<VulnerableGroup> vulnerableGroups,
        OffsetDateTime registeredAt) implements CaseEvent {

    public ClientRegistered {
        Checks.present(clientId, "clientId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(registeredAt, "registeredAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.CLIENT_REGISTERED;
    }
}
