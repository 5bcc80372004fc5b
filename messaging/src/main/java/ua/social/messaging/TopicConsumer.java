package ua.social.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A consumer loop on its own thread: reads the topics in order per partition and hands each
 * CloudEvent to the handler (which applies it in a transaction, idempotently via
 * {@link ProcessedEvents}). Offsets are committed only after the handler returned, so an event is
 * processed at least once.
 * <p>
 * When the handler fails, the record is retried with exponential backoff (logged once per attempt,
 * never in a tight loop); meanwhile its partition is paused and the other partitions go on. A failure of the environment (the database away, a lock conflict — see
 * {@link Failures}) is retried for as long as it lasts: the event is fine, and dead-lettering it would
 * lose it from the flow. A failure of the event itself is retried {@link Retry#maxAttempts()} times,
 * then the record goes to {@code <topic>.dlt} ({@link DeadLetterTopic}) and the partition moves on:
 * one poison event never stalls the events behind it. A record that is not a CloudEvent goes there at
 * once. Each attempt runs in a consumer span whose parent is the event's {@code ce_traceparent}, so the
 * trace of the request that caused the event goes on here. Failures outside the handler (Kafka away, a commit timing out) are logged and the loop goes
 * on: it ends only at close().
 * <p>
 * Batched (with a {@link Transactor}): the records of one poll are applied by the same handler, one after the
 * other, in <em>one</em> transaction (the handler's {@code @Transactional} joins it), so a poll of hundreds
 * of events costs one commit. When anything in the batch fails, the whole transaction rolls back and the
 * poll's records are applied one by one as above (each in its own transaction, with retries and dead
 * letters): a poison event still goes to the dead-letter topic and the events around it are applied.
 */
public final class TopicConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    /** How often and how patiently an event that fails is tried again. */
    public record Retry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        /** The wait after the given failed attempt (1-based): first, doubled each time, at most max. */
        public long backoffMillis(int attempt) {
            long first = Math.max(1, firstBackoff.toMillis());
            int doublings = Math.min(Math.max(attempt - 1, 0), 30);
            return Math.min(maxBackoff.toMillis(), first << doublings);
        }
    }

    /** Runs work in one transaction that the handler's own transactions join. */
    @FunctionalInterface
    public interface Transactor {
        void inOneTransaction(Runnable work);
    }

    /** What the consumer tells the outside: dead letters and consumer lag (for metrics). */
    public interface Observer {
        void deadLettered(String topic, String consumerGroup);

        void lag(TopicPartition partition, long lag);

        void revoked(TopicPartition partition);

        Observer NONE = new Observer() {
            @Override
            public void deadLettered(String topic, String consumerGroup) {
            }

            @Override
            public void lag(TopicPartition partition, long lag) {
            }

            @Override
            public void revoked(TopicPartition partition) {
            }
        };
    }

    private final KafkaConsumer<String, String> consumer;
    private final String groupId;
    private final List<String> topics;
    private final Consumer<CloudEvent> handler;
    private final Retry retry;
    private final DeadLetterTopic deadLetters;
    private final BooleanSupplier environmentHealthy;
    private final Observer observer;
    private final Tracer tracer;
    private final Transactor batch;
    private final Consumer<List<CloudEvent>> batchHandler;
    private final Thread thread;
    private final Map<TopicPartition, Failing> failing = new HashMap<>();
    /** Partitions paused after a failure, and when (System.nanoTime) each may be read again. */
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private volatile boolean running = true;

    /** The attempts so far at the record standing at {@code offset} of a partition. */
    private record Failing(long offset, int attempts, int environmentAttempts) {
    }

    /**
     * @param environmentHealthy asked before an event is dead-lettered: false means the failure may
     *                           be the environment's (e.g. the database does not answer), so the event
     *                           is retried instead
     */
    public TopicConsumer(String bootstrapServers, String groupId, List<String> topics, Consumer<CloudEvent> handler,
                         Retry retry, DeadLetterTopic deadLetters, BooleanSupplier environmentHealthy, Observer observer,
                         Tracer tracer) {
        this(bootstrapServers, groupId, topics, handler, retry, deadLetters, environmentHealthy, observer, tracer,
                null, null, 200);
    }

    /**
     * @param batch          when not null, the records of a poll are applied in one transaction it opens
     * @param batchHandler   when not null (with {@code batch}), applies the events of a poll at once, in that
     *                       transaction; else {@code handler} applies them one after the other in it
     * @param maxPollRecords at most this many records per poll (so per batch)
     */
    public TopicConsumer(String bootstrapServers, String groupId, List<String> topics, Consumer<CloudEvent> handler,
                         Retry retry, DeadLetterTopic deadLetters, BooleanSupplier environmentHealthy, Observer observer,
                         Tracer tracer, Transactor batch, Consumer<List<CloudEvent>> batchHandler, int maxPollRecords) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.groupId = groupId;
        this.topics = topics;
        this.handler = handler;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.environmentHealthy = environmentHealthy;
        this.observer = observer;
        this.tracer = tracer;
        this.batch = batch;
        this.batchHandler = batchHandler;
        this.thread = new Thread(this::loop, "consumer-" + groupId);
        this.thread.setDaemon(true);
    }

    public TopicConsumer start() {
        thread.start();
        return this;
    }

    public String groupId() {
        return groupId;
    }

    public List<String> topics() {
        return topics;
    }

    private void loop() {
        int outsideFailures = 0;
        try {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(tp -> {
                        failing.remove(tp);
                        resumeAt.remove(tp);
                        observer.revoked(tp);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running) {
                try {
                    pollOnce();
                    outsideFailures = 0;
                } catch (WakeupException e) {
                    if (running) {
                        LOG.warn("consumer woken up unexpectedly; continuing");
                    }
                } catch (RuntimeException e) {
                    // Kafka unreachable, a commit that timed out, a rebalance: the loop must outlive it.
                    // Records whose offsets were not committed come again; handlers are idempotent.
                    outsideFailures++;
                    long wait = retry.backoffMillis(outsideFailures);
                    LOG.warnf("consumer %s of %s failed (%s); retrying in %d ms", groupId, topics,
                            Failures.describe(e, 500), wait);
                    pause(wait);
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        resumeDuePartitions();
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(pollMillis()));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        if (batch != null && records.count() > 1 && applyBatch(records, done)) {
            consumer.commitSync(done);
            reportLag();
            return;
        }
        done.clear();
        for (TopicPartition tp : records.partitions()) {
            if (resumeAt.containsKey(tp)) {
                continue; // fetched before it was paused: it comes again after its backoff
            }
            for (ConsumerRecord<String, String> r : records.records(tp)) {
                long retryIn = handle(tp, r);
                if (retryIn >= 0) {
                    // Only this partition waits; the others go on.
                    consumer.seek(tp, r.offset());
                    consumer.pause(List.of(tp));
                    resumeAt.put(tp, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryIn));
                    break;
                }
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        reportLag();
    }

    /**
     * Applies the records of the poll (of partitions not waiting for a retry) in one transaction.
     *
     * @return true when all were applied and committed (their next offsets are in {@code done}); false when
     * the transaction rolled back (nothing was applied) or a record is not a CloudEvent
     */
    private boolean applyBatch(ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> done) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        List<CloudEvent> events = new ArrayList<>(records.count());
        for (TopicPartition tp : records.partitions()) {
            if (resumeAt.containsKey(tp)) {
                continue;
            }
            for (ConsumerRecord<String, String> r : records.records(tp)) {
                try {
                    events.add(CloudEvent.of(r));
                } catch (IllegalArgumentException e) {
                    return false; // the one-by-one path moves it to the dead-letter topic
                }
                all.add(r);
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        if (all.isEmpty()) {
            return true;
        }
        try {
            batch.inOneTransaction(() -> {
                if (batchHandler != null) {
                    applyBatchTraced(all, events);
                    return;
                }
                for (int i = 0; i < all.size(); i++) {
                    applyTraced(all.get(i), events.get(i));
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s: a batch of %d records rolled back (%s); applying them one by one", groupId,
                    all.size(), Failures.describe(e, 300));
            return false;
        }
        all.forEach(r -> failing.remove(new TopicPartition(r.topic(), r.partition())));
        return true;
    }

    private void resumeDuePartitions() {
        long now = System.nanoTime();
        List<TopicPartition> due = resumeAt.entrySet().stream().filter(e -> e.getValue() - now <= 0)
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(resumeAt::remove);
            consumer.resume(due.stream().filter(consumer.assignment()::contains).toList());
        }
    }

    /** Polls at most until the next paused partition is due, so a short backoff is kept short. */
    private long pollMillis() {
        long now = System.nanoTime();
        long next = resumeAt.values().stream().mapToLong(t -> TimeUnit.NANOSECONDS.toMillis(t - now)).min().orElse(500L);
        return Math.max(10, Math.min(500, next));
    }

    private void reportLag() {
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                observer.lag(tp, lag.getAsLong());
            }
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (running && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** @return -1 when the record is done with (applied or dead-lettered), else the wait before retrying it */
    private long handle(TopicPartition tp, ConsumerRecord<String, String> r) {
        CloudEvent event;
        try {
            event = CloudEvent.of(r);
        } catch (IllegalArgumentException e) {
            return deadLetter(tp, r, e, 1, "it is not a CloudEvent");
        }
        try {
            applyTraced(r, event);
            failing.remove(tp);
            return -1;
        } catch (RuntimeException e) {
            Failing f = failing.get(tp);
            if (f == null || f.offset() != r.offset()) {
                f = new Failing(r.offset(), 0, 0);
            }
            if (Failures.isTransient(e) || !environmentHealthy.getAsBoolean()) {
                f = new Failing(f.offset(), f.attempts(), f.environmentAttempts() + 1);
                failing.put(tp, f);
                long wait = retry.backoffMillis(f.environmentAttempts());
                LOG.warnf("event %s (%s) at %s-%d@%d could not be applied because of its environment "
                                + "(try %d); retrying in %d ms: %s", event.id(), event.type(), r.topic(), r.partition(),
                        r.offset(), f.environmentAttempts(), wait, Failures.describe(e, 500));
                return wait;
            }
            f = new Failing(f.offset(), f.attempts() + 1, f.environmentAttempts());
            if (f.attempts() >= retry.maxAttempts()) {
                failing.put(tp, f);
                return deadLetter(tp, r, e, f.attempts(), "it failed " + f.attempts() + " times");
            }
            failing.put(tp, f);
            long wait = retry.backoffMillis(f.attempts());
            LOG.warnf("event %s (%s) at %s-%d@%d failed (attempt %d of %d); retrying in %d ms: %s", event.id(),
                    event.type(), r.topic(), r.partition(), r.offset(), f.attempts(), retry.maxAttempts(), wait,
                    Failures.describe(e, 500));
            return wait;
        }
    }

    /** Applies the event in a consumer span that continues the producer's trace ({@code ce_traceparent}). */
    /** Maximum links from a batch's span to the traces of its events (OpenTelemetry keeps 128 by default). */
    private static final int MAX_LINKS = 128;

    /** One consumer span for the batch, linked to the traces of (the first {@value #MAX_LINKS} of) its events. */
    private void applyBatchTraced(List<ConsumerRecord<String, String>> records, List<CloudEvent> events) {
        var builder = tracer.spanBuilder(String.join(",", topics) + " process").setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.batch.message_count", (long) records.size())
                .setAttribute("messaging.consumer.group.name", groupId);
        for (int i = 0; i < records.size() && i < MAX_LINKS; i++) {
            var context = Span.fromContext(TraceContext.extract(records.get(i).headers()))
                    .getSpanContext();
            if (context.isValid()) {
                builder.addLink(context);
            }
        }
        inSpan(builder.startSpan(), () -> batchHandler.accept(events));
    }

    private void applyTraced(ConsumerRecord<String, String> r, CloudEvent event) {
        Span span = tracer.spanBuilder(r.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.extract(r.headers()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", r.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(r.partition()))
                .setAttribute("messaging.kafka.offset", r.offset())
                .setAttribute("messaging.consumer.group.name", groupId)
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        inSpan(span, () -> handler.accept(event));
    }

    /** Runs the work with the span current, records a failure on it, and ends it. */
    private static void inSpan(Span span, Runnable work) {
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, Failures.describe(e, 200));
            throw e;
        } finally {
            span.end();
        }
    }

    private long deadLetter(TopicPartition tp, ConsumerRecord<String, String> r, Exception error, int attempts,
                            String why) {
        try {
            deadLetters.send(r, groupId, error, attempts);
        } catch (RuntimeException e) {
            Failing f = failing.getOrDefault(tp, new Failing(r.offset(), attempts, 0));
            f = new Failing(r.offset(), f.attempts(), f.environmentAttempts() + 1);
            failing.put(tp, f);
            long wait = retry.backoffMillis(f.environmentAttempts());
            LOG.warnf("record %s-%d@%d could not be moved to its dead-letter topic (%s); retrying in %d ms",
                    r.topic(), r.partition(), r.offset(), Failures.describe(e, 500), wait);
            return wait;
        }
        failing.remove(tp);
        observer.deadLettered(r.topic(), groupId);
        LOG.errorf(error, "record %s-%d@%d moved to %s because %s; consumer %s goes on with the next record",
                r.topic(), r.partition(), r.offset(), DeadLetterTopic.of(r.topic()), why, groupId);
        return -1;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
