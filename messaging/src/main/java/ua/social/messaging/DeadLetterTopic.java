package ua.social.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes an event that cannot be applied to {@code <topic>.dlt}: the original key, value and
 * CloudEvents headers, plus {@code dlt_*} headers naming the service and consumer group that gave up,
 * the error, the number of attempts and where the record stood (topic, partition, offset). The
 * dead-letter topic is created with the original's partition count when it does not exist yet.
 */
public final class DeadLetterTopic implements AutoCloseable {

    public static final String SUFFIX = ".dlt";
    public static final String SERVICE = "dlt_service";
    public static final String CONSUMER = "dlt_consumer";
    public static final String ERROR = "dlt_error";
    public static final String ATTEMPTS = "dlt_attempts";
    public static final String ORIGINAL_TOPIC = "dlt_original_topic";
    public static final String ORIGINAL_PARTITION = "dlt_original_partition";
    public static final String ORIGINAL_OFFSET = "dlt_original_offset";
    public static final String FAILED_AT = "dlt_failed_at";
    static final int ERROR_MAX_LENGTH = 2000;

    private final String bootstrapServers;
    private final String service;
    private final Clock clock;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();
    private volatile KafkaProducer<String, String> producer;

    public DeadLetterTopic(String bootstrapServers, String service, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
        this.clock = clock;
    }

    public static String of(String topic) {
        return topic + SUFFIX;
    }

    /** Publishes the dead letter and waits for Kafka's acknowledgement; throws when it was not written. */
    public void send(ConsumerRecord<String, String> r, String consumerGroup, Throwable error, int attempts) {
        String topic = of(r.topic());
        ensureTopic(topic);
        RecordHeaders h = new RecordHeaders();
        for (Header original : r.headers()) {
            if (!original.key().startsWith("dlt_")) {
                h.add(original);
            }
        }
        h.add(SERVICE, bytes(service));
        h.add(CONSUMER, bytes(consumerGroup));
        h.add(ERROR, bytes(Failures.describe(error, ERROR_MAX_LENGTH)));
        h.add(ATTEMPTS, bytes(Integer.toString(attempts)));
        h.add(ORIGINAL_TOPIC, bytes(r.topic()));
        h.add(ORIGINAL_PARTITION, bytes(Integer.toString(r.partition())));
        h.add(ORIGINAL_OFFSET, bytes(Long.toString(r.offset())));
        h.add(FAILED_AT, bytes(clock.instant().toString()));
        try {
            producer().send(new ProducerRecord<>(topic, r.partition(), r.key(), r.value(), h)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter to " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not write a dead letter to " + topic, e);
        }
    }

    private void ensureTopic(String topic) {
        if (ensured.contains(topic)) {
            return;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(p)) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                String original = topic.substring(0, topic.length() - SUFFIX.length());
                int partitions = admin.describeTopics(List.of(original)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(original).partitions().size();
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1))).all().get(10, TimeUnit.SECONDS);
            }
            ensured.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                ensured.add(topic);
                return;
            }
            throw new IllegalStateException("could not create the dead-letter topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating " + topic, e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = Producers.acknowledged(bootstrapServers, service + "-dead-letters");
                }
            }
        }
        return producer;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
