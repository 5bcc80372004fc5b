package ua.social.referral.support;

import ua.social.contracts.testing.TestTopics;
import ua.social.contracts.testing.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays case-service: publishes real case events to this run's case events topic in the CloudEvents binary format the
 * messaging OutboxRelay uses, each validated against its docs/events/case.*.schema.json first.
 */
public final class CaseFeed {

    public static final String TOPIC = TestTopics.caseEvents();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private CaseFeed() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close()));
        }
        return producer;
    }

    /** A case of the given community, as case-service describes it. */
    public record TestCase(UUID id, String oblast, String hromada, String caseManagerId, String caseManagerUsername) {
    }

    public static String now() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Publishes one event, keyed and subjected by the case id, after checking it against its schema. */
    public static void publish(String type, UUID caseId, Map<String, Object> data) {
        JsonNode json = JSON.valueToTree(data);
        Set<ValidationMessage> errors = EventSchemas.validate(type, json);
        if (!errors.isEmpty()) {
            throw new AssertionError("test event " + type + " does not satisfy its schema: " + errors);
        }
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(UUID.randomUUID().toString()));
        h.add("ce_type", bytes(type));
        h.add("ce_source", bytes("/case-service"));
        h.add("ce_time", bytes(now()));
        h.add("ce_subject", bytes(caseId.toString()));
        h.add("content-type", bytes("application/json"));
        try {
            producer().send(new ProducerRecord<>(TOPIC, null, caseId.toString(), JSON.writeValueAsString(data), h))
                    .get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** ua.social.case.opened, then assigned (to the given user) and consent-changed, as case-service emits them. */
    public static TestCase open(String oblast, String hromada, String caseManagerId, String caseManagerUsername,
                                boolean consentToShare) {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> opened = new LinkedHashMap<>();
        opened.put("caseId", caseId.toString());
        opened.put("caseNumber", "CM-2026-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
        opened.put("clientId", UUID.randomUUID().toString());
        opened.put("clientKind", "PERSON");
        opened.put("appealId", null);
        opened.put("oblast", oblast);
        opened.put("hromada", hromada);
        opened.put("model", "BROKERAGE");
        opened.put("teamArrangement", "MULTIDISCIPLINARY");
        opened.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        opened.put("openedWithoutCriteria", false);
        opened.put("vulnerableGroups", List.of("INTERNALLY_DISPLACED"));
        opened.put("consentToShare", consentToShare);
        opened.put("openedAt", now());
        publish("ua.social.case.opened", caseId, opened);
        consent(caseId, hromada, consentToShare, null);
        TestCase c = new TestCase(caseId, oblast, hromada, caseManagerId, caseManagerUsername);
        assign(c, caseManagerId, caseManagerUsername);
        return c;
    }

    public static void consent(UUID caseId, String hromada, boolean sharing, String withdrawnAt) {
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("caseId", caseId.toString());
        consent.put("hromada", hromada);
        consent.put("processing", withdrawnAt == null);
        consent.put("sharingWithPartners", sharing);
        consent.put("givenAt", "2026-01-10T10:00:00Z");
        consent.put("withdrawnAt", withdrawnAt);
        publish("ua.social.case.consent-changed", caseId, consent);
    }

    public static void assign(TestCase c, String caseManagerId, String caseManagerUsername) {
        Map<String, Object> assigned = new LinkedHashMap<>();
        assigned.put("caseId", c.id().toString());
        assigned.put("oblast", c.oblast());
        assigned.put("hromada", c.hromada());
        assigned.put("caseManagerId", caseManagerId);
        assigned.put("caseManagerUsername", caseManagerUsername);
        assigned.put("previousCaseManagerId", null);
        assigned.put("model", "BROKERAGE");
        assigned.put("caseloadOverride", false);
        assigned.put("assignedAt", now());
        publish("ua.social.case.assigned", c.id(), assigned);
    }

    public static void close(TestCase c) {
        Map<String, Object> closed = new LinkedHashMap<>();
        closed.put("caseId", c.id().toString());
        closed.put("oblast", c.oblast());
        closed.put("hromada", c.hromada());
        closed.put("fromStage", "MONITORING");
        closed.put("reason", "GOALS_ACHIEVED");
        closed.put("caseManagerId", c.caseManagerId());
        closed.put("model", "BROKERAGE");
        closed.put("openedAt", "2026-01-10T10:00:00Z");
        closed.put("closedAt", now());
        publish("ua.social.case.closed", c.id(), closed);
    }

    public static void reopen(TestCase c) {
        Map<String, Object> reopened = new LinkedHashMap<>();
        reopened.put("caseId", c.id().toString());
        reopened.put("oblast", c.oblast());
        reopened.put("hromada", c.hromada());
        reopened.put("stage", "ASSESSMENT");
        reopened.put("caseManagerId", c.caseManagerId());
        reopened.put("reopenedAt", now());
        publish("ua.social.case.reopened", c.id(), reopened);
    }

    public static void transfer(TestCase c, String toOblast, String toHromada, String toCaseManagerId) {
        Map<String, Object> transferred = new LinkedHashMap<>();
        transferred.put("caseId", c.id().toString());
        transferred.put("fromOblast", c.oblast());
        transferred.put("fromHromada", c.hromada());
        transferred.put("fromCaseManagerId", c.caseManagerId());
        transferred.put("toOblast", toOblast);
        transferred.put("toHromada", toHromada);
        transferred.put("toCaseManagerId", toCaseManagerId);
        transferred.put("transferredAt", now());
        publish("ua.social.case.transferred", c.id(), transferred);
    }
}
