package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.VulnerableGroup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A case was taken into case management. Schema: docs/events/case.opened.schema.json. */
public record CaseOpened(
        UUID caseId,
        String caseNumber,
        UUID clientId,
        String clientKind,
        UUID appealId,
        String oblast,
        String hromada,
        CaseManagementModel model,
        String teamArrangement,
        List<String> criteria,
        boolean openedWithoutCriteria,
        List<VulnerableGroup> vulnerableGroups,
        boolean consentToShare,
        OffsetDateTime openedAt) implements CaseEvent {

    public CaseOpened {
        Checks.present(caseId, "caseId");
        Checks.text(Checks.present(caseNumber, "caseNumber"), "caseNumber", 40);
        Checks.present(clientId, "clientId");
        Checks.oneOf(clientKind, "clientKind", "PERSON", "FAMILY");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(model, "model");
        Checks.present(teamArrangement, "teamArrangement");
        Checks.present(criteria, "criteria");
        Checks.present(openedAt, "openedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.OPENED;
    }
}
