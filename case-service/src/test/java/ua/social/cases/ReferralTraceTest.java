package ua.social.cases;

import ua.social.contracts.testing.TestTopics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.cases.support.ReferralEventsPublisher;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;

/**
 * A referral change carries its trace context in {@code ce_traceparent}: case-service applies it in a
 * consumer span of the same trace, and the timeline entry names the trace.
 */
@QuarkusTest
class ReferralTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theTimelineEntryOfAReferralChangeContinuesTheTraceOfTheRequestThatMadeIt() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String referralId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = ReferralEventsPublisher.data(referralId, caseId, null, "ACCEPTED", "REQUESTED", "PARTNER");
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            publisher.publish(eventId, "ua.social.referral.accepted", caseId, referralId, (String) data.get("changedAt"),
                    data, Map.of("ce_traceparent", "00-" + traceId + "-" + parentSpanId + "-01"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.find { it.type == 'REFERRAL_ACCEPTED' }.details.traceId", equalTo(traceId)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(spans.getFinishedSpanItems().stream()
                .anyMatch(s -> eventId.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey
                        .stringKey("messaging.message.id"))))));
        SpanData consumer = spans.getFinishedSpanItems().stream()
                .filter(s -> eventId.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey
                        .stringKey("messaging.message.id")))).findFirst().orElseThrow();
        assertEquals(TestTopics.referralEvents() + " process", consumer.getName());
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(traceId, consumer.getTraceId(), "the consumer's span belongs to the producer's trace");
        assertEquals(parentSpanId, consumer.getParentSpanId(), "and is a child of the span that wrote the event");
    }
}
