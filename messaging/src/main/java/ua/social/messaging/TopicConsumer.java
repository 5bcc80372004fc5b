package ua.social.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A consumer loop on its own thread: reads the topics in order per partition and hands each
 * CloudEvent to the handler (which applies it in a transaction, idempotently via
 * {@link ProcessedEvents}). Offsets are committed only after the handler returned, so an event is
 * processed at least once; when the handler fails, the loop backs off and retries the same record.
 * A record that is not a CloudEvent is logged and skipped: it can never succeed. Failures outside the
 * handler (Kafka away, a commit timing out) are logged and the loop goes on: it ends only at close().
 */
public final class TopicConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final List<String> topics;
    private final Consumer<CloudEvent> handler;
    private final Thread thread;
    private volatile boolean running = true;

    public TopicConsumer(String bootstrapServers, String groupId, List<String> topics, Consumer<CloudEvent> handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        this.topics = topics;
        this.handler = handler;
        this.thread = new Thread(this::loop, "consumer-" + groupId);
        this.thread.setDaemon(true);
    }

    public TopicConsumer start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            consumer.subscribe(topics);
            while (running) {
                try {
                    pollOnce();
                } catch (WakeupException e) {
                    if (running) {
                        LOG.warn("consumer woken up unexpectedly; continuing");
                    }
                } catch (RuntimeException e) {
                    // Kafka unreachable, a commit that timed out, a rebalance: the loop must outlive it.
                    // Records whose offsets were not committed come again; handlers are idempotent.
                    LOG.warnf(e, "consumer of %s failed; retrying", topics);
                    backOff();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, String> r : records.records(tp)) {
                if (!handle(r)) {
                    consumer.seek(tp, r.offset());
                    break;
                }
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void backOff() {
        if (running) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    /** @return false when the record must be retried */
    private boolean handle(ConsumerRecord<String, String> r) {
        CloudEvent event;
        try {
            event = CloudEvent.of(r);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
            return true;
        }
        try {
            handler.accept(event);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "event %s (%s) failed, will retry", event.id(), event.type());
            backOff();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
