package ua.social.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading the CloudEvents envelope of a Kafka record (binary mode), without Kafka: the attributes from the
 * {@code ce_*} headers, the JSON data from the value, and which records are refused as not events.
 */
@Tag("fast")
class CloudEventTest {

    private static ConsumerRecord<String, String> record(String value, String... headers) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("case.events", 2, 41L, "case-key", value);
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(new RecordHeader(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }

    @Test
    void theAttributesComeFromTheHeadersAndTheDataFromTheValue() {
        CloudEvent e = CloudEvent.of(record("{\"caseId\":\"c-1\",\"stage\":\"PLANNING\",\"note\":null}",
                "ce_id", "e-1", "ce_type", "ua.social.case.stage-changed", "ce_source", "/case-service",
                "ce_subject", "c-1", "ce_time", "2026-05-04T09:15:30.123456Z", "ce_specversion", "1.0"));
        assertEquals("e-1", e.id());
        assertEquals("ua.social.case.stage-changed", e.type());
        assertEquals("/case-service", e.source());
        assertEquals("c-1", e.subject());
        assertEquals(OffsetDateTime.parse("2026-05-04T09:15:30.123456Z"), e.time());
        assertEquals("case.events", e.topic());
        assertEquals(2, e.partition());
        assertEquals(41L, e.offset());
        assertEquals("case-key", e.key());
        assertEquals("PLANNING", e.text("stage"));
        assertNull(e.text("note"), "a JSON null is no text");
        assertNull(e.text("absent"));
    }

    @Test
    void theLastOfRepeatedHeadersCounts() {
        CloudEvent e = CloudEvent.of(record("{}", "ce_id", "e-1", "ce_type", "old", "ce_type", "ua.social.case.closed"));
        assertEquals("ua.social.case.closed", e.type());
    }

    @Test
    void optionalAttributesMayBeMissingAndATombstoneHasNullData() {
        CloudEvent e = CloudEvent.of(record(null, "ce_id", "e-2", "ce_type", "ua.social.case.opened"));
        assertNull(e.time());
        assertNull(e.source());
        assertNull(e.subject());
        assertTrue(e.data().isNull());
        assertNull(e.text("caseId"));
    }

    @Test
    void aRecordWithoutIdOrTypeIsNotAnEvent() {
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.of(record("{}", "ce_type", "ua.social.case.opened")));
        assertEquals("not a CloudEvent: ce_id or ce_type missing", noId.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.of(record("{}", "ce_id", "e-3")));
    }

    @Test
    void malformedDataOrTimeIsRefusedNamingTheEvent() {
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.of(record("{not json", "ce_id", "e-4", "ce_type", "t")));
        assertTrue(json.getMessage().startsWith("CloudEvent e-4 is malformed"), json.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> CloudEvent.of(record("{}", "ce_id", "e-5", "ce_type", "t", "ce_time", "yesterday")));
        assertTrue(time.getMessage().startsWith("CloudEvent e-5 is malformed"), time.getMessage());
    }

    @Test
    void aDeadLetterIsTheSameEventAtItsOriginalPlace() {
        CloudEvent e = CloudEvent.of(record("{\"caseId\":\"c-1\"}", "ce_id", "e-6", "ce_type", "t"));
        CloudEvent original = e.at("case.events", 0, 7L);
        assertEquals(new CloudEvent("e-6", "t", null, null, null, "case.events", 0, 7L, "case-key", e.data()), original);
    }
}
