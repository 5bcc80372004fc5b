package ua.social.e2e;

import ua.social.contracts.testing.TestTopics;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Flow 2 of the architecture, across services and through real Kafka: a case manager refers the
 * client to a partner, the partner accepts and completes with its API key, and the case timeline in
 * case-service shows every step within 5 seconds of the partner's call. A redelivered event adds
 * nothing. The services run as their packaged jars ({@link RunningPlatform}).
 */
class ClosedLoopReferralTest {

    static ServiceProcess cases;
    static ServiceProcess referrals;
    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
        cases = platform.cases;
        referrals = platform.referrals;
    }

    private static RequestSpecification as(ServiceProcess service, String user) {
        return RunningPlatform.as(service, user);
    }

    private static List<String> referralTimeline(String caseId) {
        return as(cases, DemoUsers.MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline?size=200")
                .then().statusCode(200).extract()
                .<List<String>>path("items.findAll { it.type.startsWith('REFERRAL_') }.type");
    }

    @Test
    void aPartnersAnswerReachesTheCaseTimelineWithinFiveSeconds() {
        // case-service: the front office registers the person and opens a case with consent to share.
        LocalDate dob = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15000));
        String clientId = as(cases, DemoUsers.INTAKE_POLTAVA).body(Map.of("lastName", "Кравець", "firstName", "Олена",
                        "dateOfBirth", dob.toString(), "sex", "FEMALE", "vulnerableGroups", List.of("INTERNALLY_DISPLACED"),
                        "confirmedNotDuplicate", true))
                .post("/clients").then().statusCode(201).extract().path("id");
        String caseId = as(cases, DemoUsers.INTAKE_POLTAVA).body(Map.of("clientId", clientId,
                        "criteria", List.of("CANNOT_REACH_VITAL_SERVICE_ALONE"), "model", "BROKERAGE",
                        "caseManager", DemoUsers.MANAGER1_POLTAVA,
                        "consent", Map.of("givenAt", "2026-02-01T09:00:00Z", "processing", true, "sharingWithPartners", true)))
                .post("/cases").then().statusCode(201).extract().path("id");

        // referral-service learns the case from case.events, not from case-service's API.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(referrals, DemoUsers.MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(200));

        // A platform admin registers the partner and issues its API key.
        RunningPlatform.Partner p = platform.registerPartner("EMPLOYMENT", "EMPLOYMENT",
                DemoUsers.POLTAVA_OBLAST, DemoUsers.POLTAVA_HROMADA);
        String partnerId = p.id();
        String serviceId = p.serviceId();
        String key = p.key();

        // The case manager refers and sends.
        String referralId = as(referrals, DemoUsers.MANAGER1_POLTAVA).body(Map.of("caseId", caseId,
                        "partnerId", partnerId, "serviceId", serviceId, "urgency", "URGENT",
                        "reason", "Пошук роботи після переміщення",
                        "client", Map.of("fullName", "Олена Кравець", "phone", "+380 50 765 43 21")))
                .post("/referrals").then().log().ifValidationFails().statusCode(201).extract().path("id");
        as(referrals, DemoUsers.MANAGER1_POLTAVA).body(Map.of("status", "REQUESTED"))
                .post("/referrals/" + referralId + "/transitions").then().statusCode(200);

        // The partner answers with its API key.
        platform.partner(key).body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + referralId + "/transitions")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        platform.partner(key).body(Map.of("status", "IN_PROGRESS")).post("/partner/referrals/" + referralId + "/transitions")
                .then().statusCode(200);
        // The partner's system traces its call (W3C traceparent): the trace goes on through referral-service,
        // Kafka and case-service, and the timeline entry names it.
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        platform.partner(key).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("status", "COMPLETED", "outcome", "Працевлаштована касиркою"))
                .post("/partner/referrals/" + referralId + "/transitions").then().statusCode(200);

        // Within 5 seconds of the partner's call the case timeline tells the story, in order.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertEquals(List.of("REFERRAL_CREATED", "REFERRAL_REQUESTED", "REFERRAL_ACCEPTED",
                        "REFERRAL_IN_PROGRESS", "REFERRAL_COMPLETED"), referralTimeline(caseId)));
        as(cases, DemoUsers.MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline?size=200").then()
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.summary",
                        org.hamcrest.Matchers.containsString("Працевлаштована касиркою"))
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.details.traceId", equalTo(traceId));

        // Kafka delivers the partner's acceptance again: the timeline does not change.
        redeliver("ua.social.referral.accepted", referralId);
        String second = as(referrals, DemoUsers.MANAGER1_POLTAVA).body(Map.of("caseId", caseId,
                        "partnerId", partnerId, "serviceId", serviceId, "urgency", "ROUTINE", "reason", "Курси",
                        "client", Map.of("fullName", "Олена Кравець")))
                .post("/referrals").then().log().ifValidationFails().statusCode(201).extract().path("id");
        assertNotNull(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(List.of("REFERRAL_CREATED", "REFERRAL_REQUESTED", "REFERRAL_ACCEPTED",
                        "REFERRAL_IN_PROGRESS", "REFERRAL_COMPLETED", "REFERRAL_CREATED"), referralTimeline(caseId)));
    }

    /** Reads the event from the referral events topic and publishes the very same record again. */
    private static void redeliver(String type, String referralId) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-redeliver-" + UUID.randomUUID());
        ConsumerRecord<String, String> found = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(TestTopics.referralEvents()).forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (type.equals(header(r, "ce_type")) && referralId.equals(header(r, "ce_subject"))) {
                        found = r;
                    }
                }
            }
        }
        assertNotNull(found, "the " + type + " event of " + referralId + " is on " + TestTopics.referralEvents());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> again = new ProducerRecord<>(TestTopics.referralEvents(), found.key(), found.value());
            for (Header h : found.headers()) {
                again.headers().add(h.key(), h.value());
            }
            producer.send(again).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not redeliver", e);
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
