package ua.social.reporting;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.statistics.StatisticsQuery.GroupBy;
import ua.social.reporting.statistics.StatisticsService;
import ua.social.reporting.statistics.Suppression;
import ua.social.reporting.support.GroundTruth;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;
import ua.social.reporting.support.World;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wiping the read models and re-reading both topics from the beginning gives the same statistics. */
@QuarkusTest
class ReplayTest {

    @Inject
    StatisticsService statistics;

    @Inject
    EntityManager em;

    private static String admin() {
        return Tokens.bearer(DemoUsers.ADMIN);
    }

    private static List<JsonNode> snapshot(World world) {
        String community = world.communities.get(0).hromada();
        return List.of(
                Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01", "to", "2019-12-31",
                        "hromada", community, "groupBy", "hromada"))),
                Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01", "to", "2019-12-31"))),
                Reports.tables(Reports.get(DemoUsers.SUPERVISOR_POLTAVA, Map.of("from", "2019-04-01",
                        "to", "2019-06-30"))));
    }

    @Test
    void rebuiltStatisticsEqualTheLiveOnes() {
        World world = TestData.world();
        List<JsonNode> live = snapshot(world);
        long appliedLive = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM processed_event").getSingleResult()).longValue());

        Response started = given().header("Authorization", admin()).post("/admin/replays");
        started.then().statusCode(202)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RUNNING"))
                .body("requestedBy", equalTo(DemoUsers.ADMIN))
                .body("recordsTotal", greaterThanOrEqualTo(world.events.size()));
        String location = started.header("Location");
        String id = started.path("id");

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(given().header("Authorization", admin()).get(location)
                        .then().statusCode(200).extract().path("status")));
        given().header("Authorization", admin()).get(location).then()
                .body("percent", equalTo(100))
                .body("finishedAt", notNullValue())
                // every distinct event the live consumer had applied, once, however often it is on the topics
                .body("eventsApplied", equalTo((int) appliedLive));
        given().header("Authorization", admin()).get("/admin/replays").then().statusCode(200)
                .body("id", hasItem(id));

        TestData.awaitConsumed();
        List<JsonNode> rebuilt = snapshot(world);
        for (int i = 0; i < live.size(); i++) {
            List<String> diffs = Reports.differences(live.get(i), rebuilt.get(i));
            assertTrue(diffs.isEmpty(), "report " + i + " changed by the replay:\n" + String.join("\n", diffs));
        }
        String first = world.communities.get(0).hromada();
        List<String> truth = Reports.differences(Reports.expected(new GroundTruth(world, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 12, 31), List.of(first), GroupBy.HROMADA, null).raw(), 5, null, first,
                statistics.pattern(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), null, new Suppression(5))),
                rebuilt.get(0));
        assertTrue(truth.isEmpty(), "rebuilt statistics differ from the ground truth:\n" + String.join("\n", truth));
        Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01", "to", "2019-12-31")).then()
                .body("rebuilding", equalTo(false));
    }

    @Test
    void oneReplayAtATime() {
        UUID running = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO replay_run (id, generation, "
                        + "group_id, status, requested_by, started_at, target_offsets, total_records) VALUES "
                        + "(?1, 0, 'reporting-service-test-never-consumed', 'RUNNING', 'someone', now(), "
                        + "'{\"" + TestTopics.caseEvents() + ":0\":[0,1]}', 1)")
                .setParameter(1, running).executeUpdate());
        try {
            given().header("Authorization", admin()).post("/admin/replays")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("replayId", equalTo(running.toString()));
            Reports.get(DemoUsers.ANALYST, Map.of()).then().statusCode(200).body("rebuilding", equalTo(true));
            given().header("Authorization", admin()).get("/admin/replays/" + running).then().statusCode(200)
                    .body("status", equalTo("RUNNING")).body("percent", equalTo(0));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM replay_run WHERE id = ?1")
                    .setParameter(1, running).executeUpdate());
        }
    }

    @Test
    void replayIdsAreChecked() {
        given().header("Authorization", admin()).get("/admin/replays/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().header("Authorization", admin()).get("/admin/replays/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theConsumerReportsItsGroupAndLag() {
        Response r = given().header("Authorization", admin()).get("/admin/consumer");
        r.then().statusCode(200).body("consuming", equalTo(true))
                .body("consumerGroup", startsWith("reporting-service-test-"));
        List<String> topics = r.path("partitions.topic");
        assertTrue(topics.containsAll(List.of(TestTopics.caseEvents(), TestTopics.referralEvents())), "this run's topics: " + topics);
        assertFalse(r.<String>path("consumerGroup").equals("reporting-service"));
        assertEquals(topics.size(), r.<List<Object>>path("partitions").size());
    }
}
