package ua.social.cases.support;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads this run's case events topic from the real broker (all partitions) from the moment it is created, to assert
 * what a test published: earlier history is skipped, however long the topic has grown.
 */
public final class CaseEventsReader implements AutoCloseable {

    /** One CloudEvent as it travelled: headers, key and JSON data. */
    public record Event(String id, String type, String source, String subject, String time, String specversion,
                        String key, int partition, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public CaseEventsReader() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "case-service-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> parts = consumer.partitionsFor(TestTopics.caseEvents()).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position); // resolve the end offsets now, before the test publishes
    }

    /** Polls once more and returns everything seen so far whose subject or key is the given id. */
    public List<Event> about(String id) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
            Map<String, String> h = new HashMap<>();
            for (Header header : r.headers()) {
                h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            try {
                seen.add(new Event(h.get("ce_id"), h.get("ce_type"), h.get("ce_source"), h.get("ce_subject"),
                        h.get("ce_time"), h.get("ce_specversion"), r.key(), r.partition(), JSON.readTree(r.value())));
            } catch (Exception e) {
                throw new IllegalStateException("event value is not JSON: " + r.value(), e);
            }
        }
        return seen.stream().filter(e -> id.equals(e.subject()) || id.equals(e.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
