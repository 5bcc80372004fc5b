package ua.social.reporting.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import ua.social.messaging.EventTopics;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.messaging.ConsumerStates;
import ua.social.reporting.messaging.EventConsumer;
import ua.social.reporting.messaging.KafkaOffsets;
import ua.social.reporting.projection.ReadModelVersion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rebuilds every read model from the beginning of {@code case.events} and {@code referral.events}.
 *
 * <p>One transaction, under the lock of {@code consumer_state}: refuse when a replay is running,
 * note the end offset of every partition, move to a new consumer generation and group, and empty the
 * read models and {@code processed_event}. Live consumption is paused by the lock itself (a consumer
 * applies an event only while holding a share lock on that row, and only for its own generation), so
 * no event of the old generation lands in the emptied tables. The consumers then switch to the new
 * group, which has no committed offsets and starts at the beginning of both topics. The replay is
 * complete when the new group has committed every partition up to the offsets noted at the start;
 * events published meanwhile are simply consumed after them.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> READ_MODELS = List.of("rm_contact", "rm_contact_group", "rm_case",
            "rm_case_group", "rm_case_change", "rm_case_interval", "rm_service", "rm_referral_change", "processed_event");

    @Inject
    Clock clock;
    @Inject
    ReadModelVersion version;
    @Inject
    ReportingConfig config;
    @Inject
    EventTopics topics;
    @Inject
    ConsumerStates states;
    @Inject
    KafkaOffsets offsets;
    @Inject
    EventConsumer consumer;
    @Inject
    EntityManager em;

    /** How far a replay is: records of the topics re-read out of those that were there at its start. */
    public record Progress(long recordsRead, long recordsTotal, int percent) {
    }

    /** Wipes the read models and starts re-reading both topics from their beginning. */
    public ReplayRun start(String requestedBy) {
        Map<TopicPartition, KafkaOffsets.Range> targets;
        try {
            targets = offsets.ranges(topics.both());
        } catch (KafkaOffsets.KafkaUnavailable e) {
            throw kafkaUnavailable(e);
        }
        ReplayRun run = QuarkusTransaction.requiringNew().call(() -> begin(requestedBy, targets));
        LOG.infof("replay %s requested by %s: read models emptied, re-reading %d records in group %s",
                run.id, requestedBy, run.totalRecords, run.groupId);
        try {
            consumer.sync();
        } catch (RuntimeException e) {
            LOG.warnf("replay %s: this instance switches to the new group on its next round (%s)", run.id,
                    e.getMessage());
        }
        return run;
    }

    private ReplayRun begin(String requestedBy, Map<TopicPartition, KafkaOffsets.Range> targets) {
        ConsumerStates.State state = states.lock();
        ReplayRun.running().ifPresent(r -> {
            throw new ProblemException(Problem.of(409, "replay-running", "A replay is running",
                    "Replay " + r.id + " started at " + r.startedAt + " is still rebuilding the read models; "
                            + "one replay at a time.").with("replayId", r.id.toString()));
        });
        ConsumerStates.State next = states.advance(state, config.consumer().groupPrefix());
        em.createNativeQuery("TRUNCATE " + String.join(", ", READ_MODELS)).executeUpdate();
        version.changing();
        ReplayRun run = new ReplayRun();
        run.id = UUID.randomUUID();
        run.generation = next.generation();
        run.groupId = next.groupId();
        run.status = ReplayRun.Status.RUNNING;
        run.requestedBy = requestedBy;
        run.startedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<String, long[]> json = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<TopicPartition, KafkaOffsets.Range> t : targets.entrySet()) {
            json.put(t.getKey().topic() + ":" + t.getKey().partition(),
                    new long[]{t.getValue().first(), t.getValue().end()});
            total += t.getValue().records();
        }
        run.totalRecords = total;
        try {
            run.targetOffsets = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        run.persist();
        return run;
    }

    public Optional<ReplayRun> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ReplayRun.<ReplayRun>findByIdOptional(id)
                .map(this::detach));
    }

    public List<ReplayRun> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> ReplayRun.<ReplayRun>find("order by startedAt desc")
                .page(0, limit).list().stream().map(this::detach).toList());
    }

    public boolean running() {
        return QuarkusTransaction.requiringNew().call(() -> ReplayRun.running().isPresent());
    }

    private ReplayRun detach(ReplayRun run) {
        em.detach(run);
        return run;
    }

    /** Progress of a run: for a running one, read from the committed offsets of its group. */
    public Progress progress(ReplayRun run) {
        if (run.status == ReplayRun.Status.COMPLETED) {
            return new Progress(run.totalRecords, run.totalRecords, 100);
        }
        Map<TopicPartition, Long> committed;
        try {
            committed = offsets.committed(run.groupId);
        } catch (KafkaOffsets.KafkaUnavailable e) {
            throw kafkaUnavailable(e);
        }
        long read = 0;
        for (Map.Entry<TopicPartition, long[]> t : targets(run).entrySet()) {
            long first = t.getValue()[0];
            long end = t.getValue()[1];
            long at = committed.getOrDefault(t.getKey(), first);
            read += Math.max(0, Math.min(at, end) - first);
        }
        int percent = run.totalRecords == 0 ? 100 : (int) (read * 100 / run.totalRecords);
        return new Progress(read, run.totalRecords, percent);
    }

    /**
     * Marks the running replay completed once its group has read up to the offsets noted at its start.
     * Every instance runs this; the run's row is locked (skipping it when another instance holds it), so
     * one instance completes it, once.
     */
    @Scheduled(every = "${reporting.consumer.sync-interval:2s}", delayed = "${reporting.consumer.sync-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void completeRunning() {
        try {
            QuarkusTransaction.requiringNew().run(() -> ReplayRun.runningLocked().ifPresent(run -> {
                Progress p = progress(run);
                if (p.recordsRead() >= p.recordsTotal()) {
                    run.status = ReplayRun.Status.COMPLETED;
                    run.finishedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
                    run.eventsApplied = ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event")
                            .getSingleResult()).longValue();
                    LOG.infof("replay %s completed: %d records re-read, %d distinct events applied", run.id,
                            run.totalRecords, run.eventsApplied);
                }
            }));
        } catch (ProblemException e) {
            LOG.debugf("replay progress not available: %s", e.getMessage());
        }
    }

    private static Map<TopicPartition, long[]> targets(ReplayRun run) {
        try {
            Map<String, long[]> json = JSON.readValue(run.targetOffsets, new TypeReference<>() {
            });
            Map<TopicPartition, long[]> targets = new LinkedHashMap<>();
            json.forEach((k, v) -> {
                int colon = k.lastIndexOf(':');
                targets.put(new TopicPartition(k.substring(0, colon), Integer.parseInt(k.substring(colon + 1))), v);
            });
            return targets;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replay " + run.id + " has unreadable target offsets", e);
        }
    }

    static ProblemException kafkaUnavailable(KafkaOffsets.KafkaUnavailable e) {
        return new ProblemException(Problem.of(503, "kafka-unavailable", "Kafka unavailable",
                "The event broker did not answer; try again shortly."));
    }
}
