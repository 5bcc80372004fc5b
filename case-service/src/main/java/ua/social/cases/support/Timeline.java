package ua.social.cases.support;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The case timeline: one ordered, append-only record of everything that happened on a case. */
@ApplicationScoped
public class Timeline {

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID caseId, String type, String summary, String actor, Map<String, Object> details) {
        TimelineEntry e = new TimelineEntry();
        e.caseId = caseId;
        e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.type = type;
        e.summary = summary;
        e.actor = actor;
        e.details = details == null ? Map.of() : details;
        e.persist();
        return e;
    }

    public List<TimelineEntry> page(UUID caseId, int page, int size) {
        return TimelineEntry.find("caseId", Sort.by("id"), caseId).page(Page.of(page, size)).list();
    }

    public long count(UUID caseId) {
        return TimelineEntry.count("caseId", caseId);
    }
}
