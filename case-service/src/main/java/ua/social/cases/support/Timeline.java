package ua.social.cases.support;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case timeline: one ordered, append-only record of everything that happened on a case.
 * An entry's {@code summary} is one line for the list, at most {@link #SUMMARY_MAX_LENGTH} characters:
 * a longer one is shortened with "…". The full texts it was made from (a partner's outcome, a reason,
 * up to 4,000 characters each) are kept whole in the entry's {@code details}.
 */
@ApplicationScoped
public class Timeline {

    @Inject
    Clock clock;

    /** The width of {@code timeline_entry.summary}. */
    public static final int SUMMARY_MAX_LENGTH = 1000;

    @Transactional(Transactional.TxType.MANDATORY)
    public TimelineEntry append(UUID caseId, String type, String summary, String actor, Map<String, Object> details) {
        return append(caseId, type, summary, actor, details, OffsetDateTime.now(clock), null);
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
        e.summary = abbreviate(summary, SUMMARY_MAX_LENGTH);
        e.actor = actor;
        e.details = details == null ? Map.of() : details;
        e.persist();
        return e;
    }

    /** The text itself when it fits, else its first {@code max - 1} characters and "…" (never a split surrogate pair). */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    public List<TimelineEntry> page(UUID caseId, int page, int size) {
        return TimelineEntry.find("caseId", Sort.by("id"), caseId).page(Page.of(page, size)).list();
    }

    public long count(UUID caseId) {
        return TimelineEntry.count("caseId", caseId);
    }
}
