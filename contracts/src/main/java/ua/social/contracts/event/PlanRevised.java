package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An individual plan was agreed or revised. Schema: docs/events/case.plan-revised.schema.json. */
public record PlanRevised(
        UUID caseId,
        String oblast,
        String hromada,
        int revision,
        int goals,
        int actions,
        long partnerActions,
        OffsetDateTime revisedAt) implements CaseEvent {

    public PlanRevised {
        Checks.present(caseId, "caseId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(revisedAt, "revisedAt");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.PLAN_REVISED;
    }
}
