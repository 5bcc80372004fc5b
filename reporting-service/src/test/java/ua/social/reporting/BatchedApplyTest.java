package ua.social.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import ua.social.contracts.testing.TestTopics;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.support.TestData;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reporting applies the events of one poll in one transaction (messaging TopicConsumer, batched). A poison
 * event among them rolls that transaction back; the poll is then applied one event at a time, so the poison
 * still goes to the dead-letter topic after its retries and every event around it is applied, once.
 */
@QuarkusTest
class BatchedApplyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void aPoisonEventInAPollIsDeadLetteredAndTheEventsAroundItAreAppliedOnce() throws Exception {
        TestData.world(); // the shared test world first, so the polls that follow hold mostly these events
        String hromada = hromada(new Random());
        List<String> good = new ArrayList<>();
        String poison = UUID.randomUUID().toString();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestData.BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            String sharedKey = UUID.randomUUID().toString();
            for (int i = 0; i < 40; i++) {
                if (i == 20) {
                    ObjectNode broken = opened(UUID.randomUUID(), hromada);
                    broken.put("caseId", "not-a-case-id");
                    producer.send(record(sharedKey, poison, broken));
                }
                String id = UUID.randomUUID().toString();
                good.add(id);
                // half share the poison's key (its partition), half are spread over the others
                String key = i % 2 == 0 ? sharedKey : UUID.randomUUID().toString();
                producer.send(record(key, id, opened(UUID.randomUUID(), hromada)));
            }
            // the same event twice in the same poll: applied once
            String twice = good.get(7);
            producer.send(record(sharedKey, twice, opened(UUID.randomUUID(), hromada)));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> processed(good) == good.size() && deadLetter(poison) != null);
        assertEquals(good.size(), processed(good), "every event around the poison is applied");
        assertEquals(0, processed(List.of(poison)), "the poison changed nothing");
        assertEquals(good.size(), casesOpenedIn(hromada), "each case counted once, the repeated event too");
        Map<String, Object> letter = deadLetter(poison);
        assertEquals(TestTopics.caseEvents(), letter.get("originalTopic"));
        String error = (String) letter.get("error");
        assertTrue(error.contains("ContractViolation") && error.contains("caseId"), error);
    }

    private static ProducerRecord<String, String> record(String key, String id, ObjectNode data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(TestTopics.caseEvents(), key, data.toString());
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id);
        header(r, "ce_type", "ua.social.case.opened");
        header(r, "ce_source", "/case-service");
        header(r, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(data.get("openedAt").asText())));
        header(r, "ce_subject", key);
        header(r, "content-type", "application/json");
        return r;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode opened(UUID id, String hromada) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", id.toString());
        d.put("caseNumber", "2018-" + id.toString().substring(0, 6));
        d.put("clientId", UUID.randomUUID().toString());
        d.put("clientKind", "PERSON");
        d.putNull("appealId");
        d.put("oblast", "UA-18");
        d.put("hromada", hromada);
        d.put("model", "STRENGTHS_BASED");
        d.put("teamArrangement", "MULTIDISCIPLINARY");
        d.putArray("criteria").add("ADDITIONAL_RESOURCES_NEEDED");
        d.put("openedWithoutCriteria", false);
        d.putArray("vulnerableGroups");
        d.put("consentToShare", true);
        d.put("openedAt", OffsetDateTime.of(2018, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)).toString());
        return d;
    }

    private static String hromada(Random random) {
        StringBuilder s = new StringBuilder("UA18");
        for (int i = 0; i < 15; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private long processed(List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long casesOpenedIn(String hromada) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM rm_case WHERE hromada = ?")) {
            ps.setString(1, hromada);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Object> deadLetter(String eventId) {
        List<Map<String, Object>> items = given().header("Authorization", Tokens.bearer(DemoUsers.ADMIN))
                .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
    }
}
