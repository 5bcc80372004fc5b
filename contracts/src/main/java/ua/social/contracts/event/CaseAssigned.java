package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.CaseManagementModel;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case manager was assigned to a case. Schema: docs/events/case.assigned.schema.json. */
public record CaseAssigned(
        UUID caseId,
        String oblast,
        String hromada,
        String caseManagerId,
        String caseManagerUsername,
        String previousCaseManagerId,
        CaseManagementModel model,
        boolean caseloadOverride,
        OffsetDateTime assignedAt) implements CaseEvent {

    public CaseAssigned {
        Checks.present(caseId, "caseId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.text(Checks.present(caseManagerId, "caseManagerId"), "caseManagerId", 100);
        Checks.text(Checks.present(caseManagerUsername, "caseManagerUsername"), "caseManagerUsername", 100);
        Checks.text(previousCaseManagerId, "previousCaseManagerId", 100);
        Checks.present(model, "model");
        Checks.present(assignedAt, "assignedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.ASSIGNED;
    }
}
