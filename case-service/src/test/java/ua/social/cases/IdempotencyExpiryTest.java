package ua.social.cases;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.identity.web.Idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;

/**
 * An Idempotency-Key outcome is a stored copy of a response: it is replayed for 24 hours only, purged
 * after, and a replay is a read like any other (reach re-checked, access log written).
 */
@QuarkusTest
class IdempotencyExpiryTest {

    @Inject
    Idempotency idempotency;

    /** The platform's clock moved by {@code offset} for the rest of this test. */
    private static void clockMovedBy(Duration offset) {
        QuarkusMock.installMockForType(Clock.offset(Clock.system(ZoneOffset.UTC), offset), Clock.class);
    }

    private static Map<String, Object> newClient() {
        Map<String, Object> body = Api.client("Повтор-" + Api.letters((int) (System.nanoTime() % 100000)), "Ганна",
                Api.uniqueBirthDate());
        body.put("confirmedNotDuplicate", true);
        return body;
    }

    private static io.restassured.response.Response register(String key, Map<String, Object> body) {
        return as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(body).post("/clients");
    }

    @Test
    void aRetryWithinADayIsReplayedAndAfterADayIsANewRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newClient();
        String first = register(key, body).then().statusCode(201).extract().path("id");

        clockMovedBy(Duration.ofHours(23));
        register(key, body).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));

        clockMovedBy(Duration.ofHours(24).plusMinutes(1));
        String later = register(key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertNotEquals(first, later, "an expired outcome is not replayed");
    }

    @Test
    void expiredOutcomesArePurged() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newClient();
        String first = register(key, body).then().statusCode(201).extract().path("id");

        clockMovedBy(Duration.ofHours(25));
        assertTrue(idempotency.purgeExpired() >= 1, "the outcome stored a day ago is purged");

        // Back on the real clock the stored outcome would still be fresh, but it is gone.
        clockMovedBy(Duration.ZERO);
        String again = register(key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertNotEquals(first, again);
    }

    @Test
    void aReplayOutsideTheCallersReachIs404() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("clientId", Api.registerClient(INTAKE_POLTAVA));
        open.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        open.put("model", "BROKERAGE");
        open.put("caseManager", MANAGER1_POLTAVA);
        String caseId = as(SUPERVISOR_POLTAVA).header("Idempotency-Key", key).body(open).post("/cases")
                .then().statusCode(201).extract().path("id");
        as(SUPERVISOR_POLTAVA).body(Map.of("toOblast", VINNYTSIA_OBLAST, "toHromada", VINNYTSIA_HROMADA,
                        "toCaseManager", MANAGER1_VINNYTSIA, "reason", "Переїзд"))
                .post("/cases/" + caseId + "/transfer").then().statusCode(200);

        as(SUPERVISOR_POLTAVA).header("Idempotency-Key", key).body(open).post("/cases").then().statusCode(404)
                .contentType("application/problem+json").body("caseNumber", nullValue());
    }

    @Test
    void aReplayIsWrittenToTheAccessLog() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("clientId", Api.registerClient(INTAKE_POLTAVA));
        open.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        open.put("model", "BROKERAGE");
        String caseId = as(SUPERVISOR_POLTAVA).header("Idempotency-Key", key).body(open).post("/cases")
                .then().statusCode(201).extract().path("id");
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/access-log").then()
                .body("items.action", not(hasItem("case file (replayed response)")));

        as(SUPERVISOR_POLTAVA).header("Idempotency-Key", key).body(open).post("/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(caseId));
        var log = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("case file (replayed response)")).extract().jsonPath();
        assertEquals(SUPERVISOR_POLTAVA, log.getString("items.find { it.action == 'case file (replayed response)' }.username"));
    }
}
