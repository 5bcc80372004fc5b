package ua.social.cases.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.support.AccessLog;
import ua.social.cases.support.CurrentCaller;
import ua.social.identity.Caller;

import java.time.Clock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * What the front office may learn from a duplicate match. A client in the caller's reach is shown as a
 * candidate (an access-log read); a client outside it only as "a record exists elsewhere" with an opaque
 * reference issued to the caller's community, so a displaced person's new location cannot be found this way.
 * The owning community's access log notes that the match was reported (nothing shown).
 */
@ApplicationScoped
public class DuplicateCheck {

    /** How long a reference can be used for a record request. */
    public static final Duration REFERENCE_VALID_FOR = Duration.ofDays(30);
    static final String SHOWN = "duplicate check";
    static final String REPORTED = "duplicate check: existence only";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;
    @Inject
    CurrentCaller currentCaller;
    @Inject
    ClientAccess access;
    @Inject
    AccessLog accessLog;

    /** A registered client that matches what the front office typed, and why. */
    public record Match(Client client, String match) {
    }

    /** What a likely or exact duplicate shows: enough to recognise the person, no more. */
    public record DuplicateCandidate(UUID id, String lastName, String firstName, String patronymic,
                                     LocalDate dateOfBirth, String hromada, String match) {
        public static DuplicateCandidate of(Client c, String match) {
            return new DuplicateCandidate(c.id, c.lastName, c.firstName, c.patronymic, c.dateOfBirth, c.hromada, match);
        }
    }

    /**
     * A match outside the caller's reach: that a record exists elsewhere, nothing about the person (no name,
     * birth date, community or id). The reference lets the caller's supervisor ask for the record
     * ({@code POST /record-requests}); it is good for the caller's community only, until it expires.
     */
    public record RecordElsewhere(String match, String reference, OffsetDateTime referenceExpiresAt) {
    }

    /** The duplicate check's answer: candidates in the caller's reach, and records that exist elsewhere. */
    public record DuplicateCheckView(List<DuplicateCandidate> candidates, List<RecordElsewhere> recordsElsewhere) {
    }


    /**
     * Sorts matches into what the caller may see. Written in a transaction of its own, so the reads stay
     * in the access log (and the references valid) when the caller's request then ends in a 409.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DuplicateCheckView answer(List<Match> matches) {
        Caller caller = currentCaller.get();
        List<DuplicateCandidate> candidates = new ArrayList<>();
        List<RecordElsewhere> elsewhere = new ArrayList<>();
        for (Match m : matches) {
            if (access.reaches(caller, m.client())) {
                candidates.add(DuplicateCandidate.of(m.client(), m.match()));
                accessLog.read(caller, AccessLog.RecordType.CLIENT, m.client().id, SHOWN);
            } else {
                elsewhere.add(reference(caller, m));
                accessLog.read(caller, AccessLog.RecordType.CLIENT, m.client().id, REPORTED);
            }
        }
        return new DuplicateCheckView(candidates, elsewhere);
    }

    private RecordElsewhere reference(Caller caller, Match m) {
        String hromada = currentCaller.ownHromada();
        OffsetDateTime now = OffsetDateTime.now(clock);
        RecordReference.delete("expiresAt < ?1", now);
        RecordReference ref = RecordReference.<RecordReference>find(
                "clientId = ?1 and hromada = ?2 and expiresAt > ?3 order by expiresAt desc",
                m.client().id, hromada, now.plusDays(1)).firstResult();
        if (ref == null) {
            ref = new RecordReference();
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            ref.reference = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ref.clientId = m.client().id;
            ref.oblast = caller.jurisdiction().oblast();
            ref.hromada = hromada;
            ref.match = m.match();
            ref.issuedBy = caller.username();
            ref.issuedAt = now;
            ref.expiresAt = now.plus(REFERENCE_VALID_FOR);
            ref.persist();
        }
        return new RecordElsewhere(m.match(), ref.reference, ref.expiresAt);
    }
}
