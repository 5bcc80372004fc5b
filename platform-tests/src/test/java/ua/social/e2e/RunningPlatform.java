package ua.social.e2e;

import ua.social.contracts.testing.TestTopics;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The three packaged services, started once for all cross-service tests of this JVM and stopped when
 * it exits. case-service and referral-service read from the end of the topics as they were at start;
 * reporting-service reads both topics from their beginning. reporting-service runs with small-cell suppression off (k = 1): these tests check that
 * the figures follow the services; suppression itself is proven in reporting-service's own tests.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    final ServiceProcess cases;
    final ServiceProcess referrals;
    final ServiceProcess reporting;
    /** The consumer groups case-service (referral events) and referral-service (case events) read in. */
    final String casesGroup = ServiceProcess.freshGroup("case-service");
    final String referralsGroup = ServiceProcess.freshGroup("referral-service");

    private RunningPlatform() throws Exception {
        // The *_e2e databases are emptied at start, so no event published before this run can concern
        // case-service or referral-service: their groups start at the current end of this run's topics
        // (test-<run>.*, which the services' own module tests of the same build wrote to before).
        try (ConsumerLag kafka = new ConsumerLag()) {
            kafka.startAtEnd(casesGroup, TestTopics.referralEvents());
            kafka.startAtEnd(referralsGroup, TestTopics.caseEvents());
        }
        cases = ServiceProcess.start("case-service", Map.of("CASE_REFERRAL_EVENTS_CONSUMER_GROUP", casesGroup));
        referrals = ServiceProcess.start("referral-service", Map.of("REFERRAL_CASE_EVENTS_GROUP", referralsGroup));
        reporting = ServiceProcess.start("reporting-service",
                Map.of("REPORTING_CONSUMER_GROUP_PREFIX", ServiceProcess.freshGroup("reporting-service"),
                        "REPORTING_SUPPRESSION_MIN_COUNT", "1"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    static synchronized RunningPlatform get() throws Exception {
        if (instance == null) {
            instance = new RunningPlatform();
        }
        return instance;
    }

    private void stop() {
        for (ServiceProcess p : List.of(reporting, referrals, cases)) {
            try {
                p.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static RequestSpecification as(ServiceProcess service, String user) {
        return given().baseUri(service.url()).header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    /** A partner with one service in Poltava and its API key, registered by the platform admin. */
    record Partner(String id, String serviceId, String key) {
    }

    Partner registerPartner(String sector, String category, String oblast, String hromada) {
        String partnerId = as(referrals, DemoUsers.ADMIN).body(Map.of("name", "Партнер " + UUID.randomUUID(),
                        "sector", sector, "description", "Партнерська організація громади", "phone", "+380 532 56 00 00"))
                .post("/partners").then().statusCode(201).extract().path("id");
        String locationId = as(referrals, DemoUsers.ADMIN).body(Map.of("name", "Офіс", "address", "вул. Шевченка, 1",
                        "city", "Місто", "postalCode", "36000", "oblast", oblast, "hromada", hromada,
                        "hours", List.of(Map.of("days", List.of("MO", "TU", "WE", "TH", "FR"),
                                "opensAt", "08:00", "closesAt", "17:00"))))
                .post("/partners/" + partnerId + "/locations").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        String serviceId = as(referrals, DemoUsers.ADMIN).body(Map.of("name", "Послуга",
                        "description", "Консультація та супровід", "category", category, "feeFree", true,
                        "languages", List.of("uk"), "locationIds", List.of(locationId)))
                .post("/partners/" + partnerId + "/services").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        String key = as(referrals, DemoUsers.ADMIN).body(Map.of("label", "e2e"))
                .post("/partners/" + partnerId + "/api-keys").then().statusCode(201).extract().path("key");
        return new Partner(partnerId, serviceId, key);
    }

    RequestSpecification partner(String key) {
        return given().baseUri(referrals.url()).header("X-API-Key", key).contentType(ContentType.JSON);
    }
}
