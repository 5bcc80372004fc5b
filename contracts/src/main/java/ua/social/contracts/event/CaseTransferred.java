package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case was transferred to another community and/or case manager. Schema: docs/events/case.transferred.schema.json. */
public record CaseTransferred(
        UUID caseId,
        String fromOblast,
        String fromHromada,
        String fromCaseManagerId,
        String toOblast,
        String toHromada,
        String toCaseManagerId,
        OffsetDateTime transferredAt) implements CaseEvent {

    public CaseTransferred {
        Checks.present(caseId, "caseId");
        Checks.oblast(fromOblast, "fromOblast");
        Checks.community(fromHromada, "fromHromada");
        Checks.text(fromCaseManagerId, "fromCaseManagerId", 100);
        Checks.oblast(toOblast, "toOblast");
        Checks.community(toHromada, "toHromada");
        Checks.text(toCaseManagerId, "toCaseManagerId", 100);
        Checks.present(transferredAt, "transferredAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.TRANSFERRED;
    }
}
