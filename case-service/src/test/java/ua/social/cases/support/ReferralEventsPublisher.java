package ua.social.cases.support;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Publishes referral events to this run's referral events topic exactly as referral-service's outbox relay does. */
public final class ReferralEventsPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaProducer<String, String> producer;

    public ReferralEventsPublisher() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** The data of a referral event as referral-service writes it (valid against the producer's schema). */
    public static Map<String, Object> data(String referralId, String caseId, String actionId, String status,
                                           String previous, String changedBy) {
        Map<String, Object> d = new HashMap<>();
        d.put("referralId", referralId);
        d.put("caseId", caseId);
        d.put("planActionId", actionId);
        d.put("partnerId", "5b0e8a52-6d1e-4d7a-9d36-2f2a5d6c1a01");
        d.put("partnerName", "Полтавський центр зайнятості");
        d.put("partnerSector", "EMPLOYMENT");
        d.put("serviceId", null);
        d.put("serviceCategory", "EMPLOYMENT");
        d.put("oblast", "UA-53");
        d.put("hromada", "UA53080370000025447");
        d.put("urgency", "ROUTINE");
        d.put("status", status);
        d.put("previousStatus", previous);
        d.put("reason", null);
        d.put("outcome", "COMPLETED".equals(status) ? "Працевлаштована офіціанткою" : null);
        d.put("requestedAt", "2026-03-01T09:00:00Z");
        d.put("changedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        d.put("changedBy", changedBy);
        return d;
    }

    public void publish(String id, String type, String caseId, String subject, String time, Map<String, Object> data) {
        publish(id, type, caseId, subject, time, data, Map.of());
    }

    /** With more headers, e.g. {@code ce_traceparent}. */
    public void publish(String id, String type, String caseId, String subject, String time, Map<String, Object> data,
                        Map<String, String> headers) {
        try {
            ProducerRecord<String, String> r = new ProducerRecord<>(TestTopics.referralEvents(), caseId, JSON.writeValueAsString(data));
            r.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_type", bytes(type))
                    .add("ce_source", bytes("/referral-service")).add("ce_time", bytes(time))
                    .add("ce_subject", bytes(subject)).add("content-type", bytes("application/json"));
            headers.forEach((k, v) -> r.headers().add(k, bytes(v)));
            producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
