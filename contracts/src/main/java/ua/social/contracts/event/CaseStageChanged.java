package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case moved from one stage of case management to another. Schema: docs/events/case.stage-changed.schema.json. */
public record CaseStageChanged(
        UUID caseId,
        String oblast,
        String hromada,
        String from,
        String to,
        OffsetDateTime changedAt) implements CaseEvent {

    public CaseStageChanged {
        Checks.present(caseId, "caseId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(from, "from");
        Checks.present(to, "to");
        Checks.present(changedAt, "changedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.STAGE_CHANGED;
    }
}
