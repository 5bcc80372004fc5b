package ua.social.cases.casefile;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.NoteRequest;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Monitoring notes and supervision reviews of a case; confidential ones shown only to those who may see them. */
@ApplicationScoped
public class CaseNotes {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    Timeline timeline;

    @Transactional
    public CaseNote note(UUID caseId, NoteRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.inReach(caseId);
        if (req.kind() == CaseNote.Kind.SUPERVISION_REVIEW && !access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Supervision reviews are written by a supervisor of the case's community.");
        }
        CaseNote n = new CaseNote();
        n.id = UUID.randomUUID();
        n.caseId = caseId;
        n.kind = req.kind();
        n.text = req.text();
        n.confidential = req.confidential();
        n.authorId = caller.id();
        n.author = caller.username();
        n.createdAt = OffsetDateTime.now(clock);
        n.persist();
        timeline.append(caseId, req.kind() == CaseNote.Kind.MONITORING ? "MONITORING_NOTE_ADDED" : "SUPERVISION_REVIEW_ADDED",
                (req.kind() == CaseNote.Kind.MONITORING ? "Monitoring note" : "Supervision review")
                        + (n.confidential ? " (confidential)" : ""), caller.username(), Map.of("noteId", n.id.toString()));
        return n;
    }

    /** Notes of a case; confidential ones only for the case manager, their author and supervisors. */
    public List<CaseNote> notes(UUID caseId) {
        Caller caller = access.caller();
        SocialCase c = access.read(caseId, "notes");
        boolean seesConfidential = caller.id().equals(c.caseManagerId) || access.isSupervisorOf(caller, c);
        return CaseNote.<CaseNote>list("caseId", Sort.by("createdAt"), caseId).stream()
                .filter(n -> !n.confidential || seesConfidential || caller.id().equals(n.authorId)).toList();
    }
}
