package ua.social.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import ua.social.contracts.code.NeedDomain;
import ua.social.contracts.code.VulnerableGroup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An appeal (звернення) was recorded at the front office. Schema: docs/events/case.appeal-recorded.schema.json. */
public record AppealRecorded(
        UUID appealId,
        UUID clientId,
        String oblast,
        String hromada,
        OffsetDateTime receivedAt,
        String channel,
        List<NeedDomain> needDomains,
        List<VulnerableGroup> vulnerableGroups) implements CaseEvent {

    public AppealRecorded {
        Checks.present(appealId, "appealId");
        Checks.present(clientId, "clientId");
        Checks.oblast(oblast, "oblast");
        Checks.community(hromada, "hromada");
        Checks.present(receivedAt, "receivedAt");
        Checks.present(channel, "channel");
        Checks.present(needDomains, "needDomains");
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return CaseEvent.APPEAL_RECORDED;
    }
}
