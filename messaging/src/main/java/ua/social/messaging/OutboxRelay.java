package ua.social.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes outbox rows to Kafka in order, as CloudEvents 1.0 in binary mode ({@code ce_*}
 * headers, JSON value), then marks them published in the same transaction that locked them.
 * When Kafka is unreachable the transaction rolls back and the rows wait for the next run:
 * nothing is lost and nothing is published for a change that rolled back.
 * With several instances of a service, their relays take turns under a transaction-scoped advisory lock
 * ({@code pg_try_advisory_xact_lock}): a row is published by one relay, once, in {@code seq} order; the
 * rows are also locked {@code FOR UPDATE SKIP LOCKED}, so nothing is published twice even without it.
 * A service that publishes nothing turns it off with {@code platform.outbox.enabled=false} (build time).
 * <p>
 * Metrics on {@code /q/metrics}: {@code platform_outbox_backlog} (events not yet published) and
 * {@code platform_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none),
 * measured every {@code platform.outbox.metrics-interval}.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 200;
    /** The advisory lock (per database, so per service) held by the one relay publishing right now. */
    static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private volatile KafkaProducer<String, String> producer;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldestUnpublished = new AtomicReference<>();

    void registerMetrics(@Observes StartupEvent ev) {
        Gauge.builder("platform.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to the outbox and not yet published to Kafka").register(registry);
        Gauge.builder("platform.outbox.oldest.age.seconds", oldestUnpublished, ref -> {
            OffsetDateTime oldest = ref.get();
            return oldest == null ? 0 : Math.max(0, java.time.Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
        }).description("How long the oldest unpublished outbox event has waited").register(registry);
    }

    @Scheduled(every = "${platform.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), min(occurred_at) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestUnpublished.set(rs.getObject(2, OffsetDateTime.class));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox: backlog not measured: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${platform.outbox.poll-interval:0.5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (publishBatch() == BATCH) {
                LOG.debug("outbox: full batch published, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox: publishing failed, will retry: %s", e.getMessage());
        }
    }

    /**
     * One round of the relay: publishes up to {@value #BATCH} unpublished events in order and marks them
     * published; 0 when there is nothing to publish or another relay (instance) is publishing right now.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int publishBatch() {
        // One relay of the service publishes at a time, whatever the number of instances: the others
        // skip this round. Two relays taking disjoint batches at once (SKIP LOCKED alone) could publish
        // a later event of a case before an earlier one; under the lock events leave in seq order.
        Object mine = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        List<OutboxEvent> batch = em.createNativeQuery(
                        "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT " + BATCH
                                + " FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (OutboxEvent e : batch) {
            sent.add(producer().send(toRecord(e)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < batch.size(); i++) {
            try {
                sent.get(i).get(15, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IllegalStateException("Kafka did not acknowledge event " + batch.get(i).id, ex);
            }
            batch.get(i).publishedAt = now;
        }
        return batch.size();
    }

    static ProducerRecord<String, String> toRecord(OutboxEvent e) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(e.id.toString()));
        h.add("ce_type", bytes(e.type));
        h.add("ce_source", bytes(e.source));
        h.add("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.occurredAt)));
        if (e.subject != null) {
            h.add("ce_subject", bytes(e.subject));
        }
        if (e.traceParent != null) {
            h.add(TraceContext.HEADER_PREFIX + TraceContext.TRACEPARENT, bytes(e.traceParent));
            if (e.traceState != null && !e.traceState.isEmpty()) {
                h.add(TraceContext.HEADER_PREFIX + TraceContext.TRACESTATE, bytes(e.traceState));
            }
        }
        h.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(e.topic, null, e.eventKey, e.payload, h);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = Producers.acknowledged(bootstrapServers, application + "-outbox");
                }
            }
        }
        return producer;
    }

    void close(@Observes ShutdownEvent ev) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
