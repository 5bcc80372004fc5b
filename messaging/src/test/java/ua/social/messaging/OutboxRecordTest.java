package ua.social.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How an outbox row travels: a CloudEvent in binary mode, with the writer's trace context when it had one. */
@Tag("fast")
class OutboxRecordTest {

    private static OutboxEvent row() {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.topic = "referral.events";
        e.eventKey = UUID.randomUUID().toString();
        e.type = "ua.social.referral.accepted";
        e.source = "/referral-service";
        e.subject = UUID.randomUUID().toString();
        e.occurredAt = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        e.payload = "{\"status\":\"ACCEPTED\"}";
        return e;
    }

    private static String header(ProducerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aTracedRowCarriesCeTraceparentAndTracestate() {
        OutboxEvent e = row();
        e.traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        e.traceState = "vendor=1";
        ProducerRecord<String, String> r = OutboxRelay.toRecord(e);
        assertEquals(e.traceParent, header(r, "ce_traceparent"));
        assertEquals("vendor=1", header(r, "ce_tracestate"));
        assertEquals(e.id.toString(), header(r, "ce_id"));
        assertEquals(e.eventKey, r.key());
        assertEquals("referral.events", r.topic());
    }

    @Test
    void anUntracedRowCarriesNoTraceHeaders() {
        ProducerRecord<String, String> r = OutboxRelay.toRecord(row());
        assertNull(header(r, "ce_traceparent"));
        assertNull(header(r, "ce_tracestate"));
        assertEquals("1.0", header(r, "ce_specversion"));
    }
}
