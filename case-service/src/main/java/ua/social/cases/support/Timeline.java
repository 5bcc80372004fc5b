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
        return append(caseId, type, summary, actor, details, OffsetDateTime.now(ZoneOffset.UTC), null);
    }

    /** An entry caused by another service's event: when it happened there, and which event it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID caseId, String type, String summary, String actor, Map<String, Object> details,
                                OffsetDateTime occurredAt, String sourceEventId) {
        TimelineEntry e = new TimelineEntry();
        e.caseId = caseId;
        e.sourceEventId = sourceEventId;
        e.occurredAt = occurredAt;
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
