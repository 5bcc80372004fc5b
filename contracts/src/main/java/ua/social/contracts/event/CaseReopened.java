package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A closed case was reopened. Schema: docs/events/case.reopened.schema.json. */
public record CaseReopened(
        UUID caseId,
        String oblast,
        String hromada,
        String stage,
        String caseManagerId,
        OffsetDateTime reopenedAt) implements CaseEvent {

    public CaseReopened {
        Checks.present(caseId, "caseId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(stage, "stage");
        Checks.text(caseManagerId, "caseManagerId", 100);
        Checks.present(reopenedAt, "reopenedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.REOPENED;
    }
}
