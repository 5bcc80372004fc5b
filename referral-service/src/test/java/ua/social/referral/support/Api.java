package ua.social.referral.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.referral.support.CaseFeed.TestCase;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Small helpers for driving referral-service over HTTP as the demo users and partners do. */
public final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, String> USER_IDS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON);
    }

    /** A request as a partner organisation, with its API key. */
    public static RequestSpecification partner(String apiKey) {
        return given().header("X-API-Key", apiKey).contentType(ContentType.JSON);
    }

    /** The Keycloak user id of a demo user (the token's subject), as GET /me shows it. */
    public static String userId(String username) {
        return USER_IDS.computeIfAbsent(username, u -> as(u).get("/me").then().statusCode(200).extract().path("id"));
    }

    public static boolean isVinnytsia(String username) {
        return username.endsWith(".vinnytsia");
    }

    /** A case of the user's community assigned to them, published on case.events and awaited in the projection. */
    public static TestCase openCase(String caseManager, boolean consentToShare) {
        boolean v = isVinnytsia(caseManager);
        TestCase c = CaseFeed.open(v ? DemoUsers.VINNYTSIA_OBLAST : DemoUsers.POLTAVA_OBLAST,
                v ? DemoUsers.VINNYTSIA_HROMADA : DemoUsers.POLTAVA_HROMADA, userId(caseManager), caseManager,
                consentToShare);
        awaitCase(caseManager, c, consentToShare, false);
        return c;
    }

    /** Waits until referral-service's projection shows the case as the user may see it. */
    public static void awaitCase(String user, TestCase c, boolean sharingConsent, boolean closed) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = as(user).get("/cases/" + c.id());
            return r.statusCode() == 200 && r.jsonPath().getBoolean("sharingConsent") == sharingConsent
                    && r.jsonPath().getBoolean("closed") == closed;
        });
    }

    /** A unique organisation name. */
    public static String uniqueName(String base) {
        return base + " №" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    public static Map<String, Object> partnerBody(String name, String sector) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("description", "Партнерська організація для тестів направлень");
        p.put("sector", sector);
        p.put("email", "info@partner.example.ua");
        p.put("website", "https://partner.example.ua");
        p.put("phone", "+380 532 50 00 00");
        p.put("contacts", List.of(Map.of("name", "Ірина Петренко", "title", "Координаторка",
                "email", "iryna@partner.example.ua", "phone", "+380 50 111 22 33")));
        return p;
    }

    public static Map<String, Object> locationBody(String oblast, String hromada) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", "Головний офіс");
        l.put("address", "вул. Соборності, 45");
        l.put("city", "Полтава");
        l.put("postalCode", "36000");
        l.put("oblast", oblast);
        l.put("hromada", hromada);
        l.put("hours", List.of(Map.of("days", List.of("MO", "TU", "WE", "TH", "FR"), "opensAt", "09:00",
                "closesAt", "18:00")));
        return l;
    }

    public static Map<String, Object> serviceBody(String category, String locationId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "Консультація");
        s.put("description", "Первинна консультація та супровід");
        s.put("category", category);
        s.put("eligibility", "ВПО та сім'ї у складних життєвих обставинах");
        s.put("languages", List.of("uk", "en"));
        s.put("feeFree", true);
        if (locationId != null) {
            s.put("locationIds", List.of(locationId));
        }
        return s;
    }

    /** A partner with one location in the Poltava community and one service. */
    public record PartnerSetup(String partnerId, String locationId, String serviceId, String name) {
    }

    public static PartnerSetup newPartner(String sector, String category) {
        String name = uniqueName("Партнер");
        String partnerId = as(DemoUsers.ADMIN).body(partnerBody(name, sector)).post("/partners")
                .then().statusCode(201).extract().path("id");
        String locationId = as(DemoUsers.ADMIN)
                .body(locationBody(DemoUsers.POLTAVA_OBLAST, DemoUsers.POLTAVA_CITY_COMMUNITY))
                .post("/partners/" + partnerId + "/locations").then().statusCode(201).extract().path("id");
        String serviceId = as(DemoUsers.ADMIN).body(serviceBody(category, locationId))
                .post("/partners/" + partnerId + "/services").then().statusCode(201).extract().path("id");
        return new PartnerSetup(partnerId, locationId, serviceId, name);
    }

    /** Issues an API key for the partner and returns its secret. */
    public static String issueKey(String partnerId) {
        return as(DemoUsers.ADMIN).body(Map.of("label", "test")).post("/partners/" + partnerId + "/api-keys")
                .then().statusCode(201).extract().path("key");
    }

    public static Map<String, Object> referralBody(TestCase c, PartnerSetup p, String urgency) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("caseId", c.id().toString());
        r.put("partnerId", p.partnerId());
        r.put("serviceId", p.serviceId());
        r.put("urgency", urgency);
        r.put("reason", "Потрібна консультація щодо відновлення документів");
        r.put("desiredDate", LocalDate.now().plusDays(7).toString());
        r.put("client", Map.of("fullName", "Ганна Тестова", "dateOfBirth", "1985-03-14",
                "phone", "+380 50 123 45 67", "notes", "Зручно телефонувати після 14:00"));
        return r;
    }

    /** A drafted referral's id. */
    public static String draft(String user, TestCase c, PartnerSetup p, String urgency) {
        return as(user).body(referralBody(c, p, urgency)).post("/referrals")
                .then().statusCode(201).extract().path("id");
    }

    /** Drafts a referral and sends it to the partner; returns its id. */
    public static String sent(String user, TestCase c, PartnerSetup p, String urgency) {
        String id = draft(user, c, p, urgency);
        as(user).body(Map.of("status", "REQUESTED")).post("/referrals/" + id + "/transitions")
                .then().statusCode(200);
        return id;
    }
}
