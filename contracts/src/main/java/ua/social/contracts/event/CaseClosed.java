package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was closed. Schema: docs/events/case.closed.schema.json. */
public record CaseClosed(
        UUID caseId,
        String oblast,
        String hromada,
        String fromStage,
        ClosureReason reason,
        String caseManagerId,
        CaseManagementModel model,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt) implements CaseEvent {

    public CaseClosed {
        Checks.present(caseId, "caseId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(fromStage, "fromStage");
        Checks.present(reason, "reason");
        Checks.text(caseManagerId, "caseManagerId", 100);
        Checks.present(model, "model");
        Checks.present(openedAt, "openedAt");
        Checks.present(closedAt, "closedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.CLOSED;
    }
}
