package ua.social.cases.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseAccess;
import ua.social.cases.client.Client;
import ua.social.cases.rest.ClientApi.DuplicateCandidate;
import ua.social.cases.rest.ClientApi.DuplicateCheckView;
import ua.social.cases.rest.ClientApi.RecordElsewhere;
import ua.social.cases.support.AccessLog;
import ua.social.identity.Caller;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
    CaseAccess access;
    @Inject
    AccessLog accessLog;

    /** A registered client that matches what the front office typed, and why. */
    public record Match(Client client, String match) {
    }

    /**
     * Sorts matches into what the caller may see. Written in a transaction of its own, so the reads stay
     * in the access log (and the references valid) when the caller's request then ends in a 409.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DuplicateCheckView answer(List<Match> matches) {
        Caller caller = access.caller();
        List<DuplicateCandidate> candidates = new ArrayList<>();
        List<RecordElsewhere> elsewhere = new ArrayList<>();
        for (Match m : matches) {
            if (access.reachesClient(caller, m.client())) {
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
        String hromada = access.ownHromada();
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
