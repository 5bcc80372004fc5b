package ua.social.referral.referral;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import ua.social.identity.Caller;
import ua.social.identity.PartnerApiKeyAuthenticationMechanism;
import ua.social.identity.problem.DatabaseUnavailable;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.referral.apikey.KeySecrets;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records every read of a referral's client data: who (a staff member's id, username and roles; a
 * partner's id and the prefix of the API key it called with), when, which referral, what was read.
 * It joins the reading transaction, so a read whose entry cannot be written fails (500
 * {@code access-log-unavailable}, nothing shown) instead of leaving a gap; while the database is out of
 * reach it fails like every other request, 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    /** What a read showed. */
    public enum Read {
        /** The referral with its client data (GET /referrals/{id}, GET /partner/referrals/{id}). */
        REFERRAL,
        /** The referral with its client data, in the answer to a status change. */
        REFERRAL_AFTER_CHANGE,
        /** The referral with its client data, in the answer to its creation (or a replay of it). */
        REFERRAL_CREATED,
        /** The client's name, in the partner's list of its referrals. */
        LIST_CLIENT_NAME,
        /** The client data in the FHIR ServiceRequest of the referral (GET /fhir/ServiceRequest/{id}). */
        FHIR_SERVICE_REQUEST
    }

    @Inject
    Clock clock;
    @Inject
    HttpServerRequest request;

    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, UUID referralId, Read what) {
        read(caller, List.of(referralId), what);
    }

    /** One entry per referral, all at the same instant. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Caller caller, Collection<UUID> referralIds, Read what) {
        if (referralIds.isEmpty()) {
            return;
        }
        UUID partnerId = caller.isPartner() ? UUID.fromString(caller.partnerId()) : null;
        String keyPrefix = caller.isPartner() ? keyPrefix() : null;
        OffsetDateTime now = Time.now(clock);
        try {
            for (UUID id : referralIds) {
                AccessLogEntry e = new AccessLogEntry();
                e.referralId = id;
                e.side = caller.isPartner() ? Side.PARTNER : Side.REFERRING_SIDE;
                e.userId = caller.isPartner() ? null : caller.id();
                e.username = caller.username();
                e.roles = String.join(",", caller.roles());
                e.partnerId = partnerId;
                e.keyPrefix = keyPrefix;
                e.accessedAt = now;
                e.action = what;
                e.persist();
            }
            AccessLogEntry.flush();
        } catch (PersistenceException e) {
            if (DatabaseUnavailable.causes(e)) {
                throw e; // the database is away, not the log broken: 503 with Retry-After, like any other write
            }
            LOG.errorf(e, "Access log entry for %s of referral(s) %s by %s not written; the read is refused",
                    what, referralIds, caller.id());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(500, "access-log-unavailable", "Read not recorded",
                "Reads of client data are recorded in the access log, which could not be written; "
                        + "nothing is shown. Try again later."));
    }

    /** The public prefix of the API key this (already authenticated) partner request carries. */
    private String keyPrefix() {
        String key = request.getHeader(PartnerApiKeyAuthenticationMechanism.HEADER);
        Optional<String> prefix = KeySecrets.prefixOf(key == null ? null : key.trim());
        if (prefix.isEmpty()) {
            LOG.error("A partner read without a well-formed X-API-Key header cannot be logged; the read is refused");
            throw unavailable();
        }
        return prefix.get();
    }

    /** Who read the referral, newest first. */
    public List<AccessLogEntry> of(UUID referralId, int page, int size) {
        return AccessLogEntry.<AccessLogEntry>find("referralId", Sort.by("id").descending(), referralId)
                .page(Page.of(page, size)).list();
    }

    public long count(UUID referralId) {
        return AccessLogEntry.count("referralId", referralId);
    }
}
