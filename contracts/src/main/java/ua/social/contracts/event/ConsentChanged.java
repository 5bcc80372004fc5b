package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The client's consent to processing and to sharing with partners changed. Schema: docs/events/case.consent-changed.schema.json. */
public record ConsentChanged(
        UUID caseId,
        String hromada,
        boolean processing,
        boolean sharingWithPartners,
        OffsetDateTime givenAt,
        OffsetDateTime withdrawnAt) implements CaseEvent {

    public ConsentChanged {
        Checks.present(caseId, "caseId");
        Checks.community(hromada, "hromada");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.CONSENT_CHANGED;
    }
}
