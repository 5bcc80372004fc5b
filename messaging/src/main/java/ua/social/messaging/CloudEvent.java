package ua.social.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** A CloudEvent read from Kafka (binary mode: attributes in {@code ce_*} headers, JSON data in the value). */
public record CloudEvent(String id, String type, String source, String subject, OffsetDateTime time,
                         String topic, int partition, long offset, String key, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException when the record is not a CloudEvent with JSON data */
    public static CloudEvent of(ConsumerRecord<String, String> r) {
        String id = header(r, "ce_id");
        String type = header(r, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a CloudEvent: ce_id or ce_type missing");
        }
        String time = header(r, "ce_time");
        try {
            return new CloudEvent(id, type, header(r, "ce_source"), header(r, "ce_subject"),
                    time == null ? null : OffsetDateTime.parse(time), r.topic(), r.partition(), r.offset(), r.key(),
                    r.value() == null ? JSON.nullNode() : JSON.readTree(r.value()));
        } catch (IOException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("CloudEvent " + id + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The same event as it stood in another topic, partition and offset (a dead letter's original place). */
    public CloudEvent at(String topic, int partition, long offset) {
        return new CloudEvent(id, type, source, subject, time, topic, partition, offset, key, data);
    }

    /** A text field of the data, or null. */
    public String text(String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
