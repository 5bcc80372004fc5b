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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * When it runs: the relay has its own thread, woken by {@link OutboxSignal} as soon as a transaction that wrote
 * outbox rows commits in this instance, and otherwise every {@code platform.outbox.poll-interval} (the
 * fallback for rows written by another instance or in bulk by SQL). Each round reads up to
 * {@code platform.outbox.batch-size} rows with plain JDBC, sends them all, waits for Kafka's acknowledgements
 * once, and marks them published with one {@code UPDATE … WHERE id = ANY(?)}; full rounds follow each other
 * until the outbox is empty.
 * <p>
 * Metrics on {@code /q/metrics}: {@code platform_outbox_backlog} (events not yet published; beyond
 * {@value #COUNTED_BACKLOG} an estimate, see {@link #measure}) and {@code platform_outbox_oldest_age_seconds} (how long
 * the first of them in line has waited; 0 when none), measured every {@code platform.outbox.metrics-interval}.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock (per database, so per service) held by the one relay publishing right now. */
    static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"
    /** publishRound's answer when another relay (instance) holds the lock. */
    private static final int BUSY = -1;
    /** How soon a relay tries again when another instance held the lock at its turn. */
    private static final long BUSY_RETRY_MILLIS = 50;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String application;
    @ConfigProperty(name = "platform.outbox.poll-interval", defaultValue = "0.25s")
    Duration pollInterval;
    @ConfigProperty(name = "platform.outbox.batch-size", defaultValue = "2000")
    int batchSize;

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxSignal signal;

    private volatile KafkaProducer<String, String> producer;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldestUnpublished = new AtomicReference<>();
    private volatile boolean running = true;
    private Thread thread;

    void start(@Observes StartupEvent ev) {
        Gauge.builder("platform.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to the outbox and not yet published to Kafka").register(registry);
        Gauge.builder("platform.outbox.oldest.age.seconds", oldestUnpublished, ref -> {
            OffsetDateTime oldest = ref.get();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0);
        }).description("How long the oldest unpublished outbox event has waited").register(registry);
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Up to this many unpublished events are counted; a longer backlog is estimated (see {@link #measure}). */
    static final int COUNTED_BACKLOG = 10_000;

    /**
     * Measures the backlog with a few steps of the unpublished-rows index, whatever its size. Counting every row
     * of a backlog of millions (a bulk import, the national bench's seeding, an outage of Kafka) read the whole
     * table every round and took the database's CPU from the relay itself: up to {@value #COUNTED_BACKLOG} rows are
     * counted exactly, a longer backlog is the span of its sequence numbers (last − first + 1; an upper bound, as
     * a rolled-back write leaves a gap). The oldest is the first in line: the relay publishes in {@code seq} order.
     */
    @Scheduled(every = "${platform.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox_event "
                     + "WHERE published_at IS NULL LIMIT " + (COUNTED_BACKLOG + 1) + ") AS counted), "
                     + "f.seq, f.occurred_at, (SELECT seq FROM outbox_event WHERE published_at IS NULL "
                     + "ORDER BY seq DESC LIMIT 1) "
                     + "FROM (SELECT 1) AS one LEFT JOIN (SELECT seq, occurred_at FROM outbox_event "
                     + "WHERE published_at IS NULL ORDER BY seq LIMIT 1) AS f ON true")) {
            rs.next();
            long counted = rs.getLong(1);
            backlog.set(counted <= COUNTED_BACKLOG ? counted : Math.max(counted, rs.getLong(4) - rs.getLong(2) + 1));
            oldestUnpublished.set(rs.getObject(3, OffsetDateTime.class));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox: backlog not measured: %s", e.getMessage());
        }
    }

    /** The relay's thread: drains the outbox, then sleeps until woken by a commit or the poll interval passes. */
    private void loop() {
        long wait = 0;
        while (running) {
            try {
                signal.await(wait);
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            wait = drain() ? BUSY_RETRY_MILLIS : Math.max(1, pollInterval.toMillis());
        }
    }

    /**
     * Publishes rounds until the outbox is empty.
     *
     * @return true when another relay (instance) held the lock, so this one should look again soon
     */
    boolean drain() {
        try {
            int n;
            do {
                n = publishRound();
            } while (n == batchSize && running);
            return n == BUSY;
        } catch (RuntimeException e) {
            LOG.warnf("outbox: publishing failed, will retry: %s", Failures.describe(e, 500));
            return false;
        }
    }

    /**
     * One round of the relay: publishes up to {@code platform.outbox.batch-size} unpublished events in order and
     * marks them published; 0 when there is nothing to publish or another relay (instance) is publishing right now.
     */
    public int publishBatch() {
        return Math.max(0, publishRound());
    }

    @Transactional
    int publishRound() {
        List<OutboxEvent> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // One relay of the service publishes at a time, whatever the number of instances: the others
            // skip this round. Two relays taking disjoint batches at once (SKIP LOCKED alone) could publish
            // a later event of a case before an earlier one; under the lock events leave in seq order.
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return BUSY;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, topic, event_key, type, source, subject, occurred_at, "
                    + "payload::text, trace_parent, trace_state FROM outbox_event WHERE published_at IS NULL "
                    + "ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setInt(1, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(row(rs));
                    }
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, String> p = producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
            for (OutboxEvent e : batch) {
                sent.add(p.send(toRecord(e)));
            }
            p.flush();
            String[] ids = new String[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                try {
                    sent.get(i).get(15, TimeUnit.SECONDS);
                } catch (Exception ex) {
                    throw new IllegalStateException("Kafka did not acknowledge event " + batch.get(i).id, ex);
                }
                ids[i] = batch.get(i).id.toString();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_event SET published_at = ? WHERE id = ANY(?::uuid[])")) {
                ps.setObject(1, OffsetDateTime.now(clock));
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.executeUpdate();
            }
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox: " + e.getMessage(), e);
        }
    }

    private static OutboxEvent row(ResultSet rs) throws SQLException {
        OutboxEvent e = new OutboxEvent();
        e.id = rs.getObject(1, UUID.class);
        e.topic = rs.getString(2);
        e.eventKey = rs.getString(3);
        e.type = rs.getString(4);
        e.source = rs.getString(5);
        e.subject = rs.getString(6);
        e.occurredAt = rs.getObject(7, OffsetDateTime.class);
        e.payload = rs.getString(8);
        e.traceParent = rs.getString(9);
        e.traceState = rs.getString(10);
        return e;
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
        running = false;
        signal.raise();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
