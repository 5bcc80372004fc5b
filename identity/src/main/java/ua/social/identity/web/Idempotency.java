package ua.social.identity.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ua.social.identity.Caller;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs that create something. The first
 * outcome is stored in the same transaction as the change; a retry with the same key and the same
 * body gets the same status, {@code Location} and body back and creates nothing. The same key with
 * another body is refused (422). Keys are per caller.
 *
 * <p>A stored outcome is a copy of what was shown, so it is kept only for
 * {@code platform.idempotency.retention} (24 hours by default): past that a retry is a new request, and
 * {@link #purgeExpired()} deletes expired outcomes on a schedule ({@code platform.idempotency.purge-every},
 * {@code off} in a service without idempotent POSTs). A replay is a read of what the {@code Location} names:
 * the {@link Replay} check given by the resource runs first, so a record that left the caller's reach
 * answers 404 and a replay is written to the access log like any other read.
 *
 * <p>An outcome that holds a secret (a new partner API key) is stored with the secret left out
 * ({@link Created#replayBody}): the secret is shown once and never kept.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /**
     * What a creating operation produced.
     *
     * @param replayBody what a retry gets back; the body itself unless it holds something never to be stored
     */
    public record Created(URI location, Object body, Object replayBody) {
        public Created(URI location, Object body) {
            this(location, body, body);
        }
    }

    /**
     * What a replay must pass before the stored outcome is shown again: the same reach check (404 outside
     * reach) and access-log entry as a read of the record at {@code location}.
     */
    @FunctionalInterface
    public interface Replay {
        void check(URI location);
    }

    /** The id a stored {@code Location} ends with ({@code /cases/{id}}, {@code /clients/{id}}...). */
    public static java.util.UUID idIn(URI location) {
        String path = location.getPath();
        return java.util.UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @ConfigProperty(name = "platform.idempotency.retention", defaultValue = "24h")
    Duration retention;

    /**
     * Runs {@code action} once per (caller, key), in one transaction with the stored outcome; a retry
     * within the retention passes {@code replay} and gets the stored outcome back.
     */
    @Transactional
    public Response create(Caller caller, String key, String operation, Object request, Replay replay,
                           Supplier<Created> action) {
        if (key == null || key.isBlank()) {
            Created c = action.get();
            return Response.created(c.location()).entity(c.body()).build();
        }
        if (key.length() > 200) {
            throw ProblemException.badRequest(HEADER, "must be at most 200 characters");
        }
        String hash = hash(operation, request);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        IdempotencyRecord existing = IdempotencyRecord.findById(new IdempotencyRecord.Key(caller.id(), key));
        if (existing != null && expired(existing, now)) {
            existing.delete();
            IdempotencyRecord.flush();
            existing = null;
        }
        if (existing != null) {
            if (!existing.requestHash.equals(hash)) {
                throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was already used for a different request; use a new key.")
                        .field(HEADER, "already used for a different request"));
            }
            replay.check(existing.location == null ? null : URI.create(existing.location));
            Response.ResponseBuilder b = Response.status(existing.status)
                    .entity(existing.body).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true");
            if (existing.location != null) {
                b.location(URI.create(existing.location));
            }
            return b.build();
        }
        Created c = action.get();
        IdempotencyRecord r = new IdempotencyRecord();
        r.id = new IdempotencyRecord.Key(caller.id(), key);
        r.operation = operation;
        r.requestHash = hash;
        r.status = 201;
        r.location = c.location() == null ? null : c.location().toString();
        r.body = json(c.replayBody());
        r.createdAt = now;
        r.persist();
        return Response.created(c.location()).entity(c.body()).build();
    }

    private boolean expired(IdempotencyRecord r, OffsetDateTime now) {
        return !r.createdAt.plus(retention).isAfter(now);
    }

    @Scheduled(every = "${platform.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Deletes every stored outcome older than the retention; returns how many. */
    @Transactional
    public long purgeExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(retention);
        return IdempotencyRecord.delete("createdAt <= ?1", cutoff);
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(operation.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
