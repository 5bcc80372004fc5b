package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;

/** Bad input gets a clear problem naming the field, changes nothing, and never a 500. */
@QuarkusTest
class MalformedInputTest {

    private static final String MARKER = "Неправильна";

    private static Map<String, Object> validClient() {
        Map<String, Object> c = Api.client(MARKER, "Олена", LocalDate.of(1980, 5, 17));
        c.put("confirmedNotDuplicate", true);
        return c;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> c = new LinkedHashMap<>(validClient());
        c.put(field, value);
        return c;
    }

    private static void rejects(String body, String field) {
        var r = as(INTAKE_POLTAVA).body(body).post("/clients").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        if (field != null) {
            r.body("errors.field", hasItem(field));
        }
    }

    private static void rejects(Map<String, Object> body, String field) {
        as(INTAKE_POLTAVA).body(body).post("/clients").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void malformedClientBodiesAreRefusedNamingTheField() {
        rejects("{", "body");
        rejects("{\"lastName\": \"Коваль\",", "body");
        rejects("not json at all", "body");
        rejects("[]", null);
        rejects("null", "body");
        rejects("", "body");
        rejects("{}", "lastName");
        rejects(with("dateOfBirth", "2020-13-45"), "dateOfBirth");
        rejects(with("dateOfBirth", "17.05.1980"), "dateOfBirth");
        rejects(with("dateOfBirth", LocalDate.now().plusDays(1).toString()), "dateOfBirth");
        rejects(with("dateOfBirth", "1800-01-01"), "dateOfBirth");
        rejects(with("sex", "UNKNOWN"), "sex");
        rejects(with("vulnerableGroups", List.of("ALIENS")), "vulnerableGroups[0]");
        rejects(with("vulnerableGroups", "INTERNALLY_DISPLACED"), "vulnerableGroups");
        rejects(with("disabilityGroup", "GROUP_IV"), "disabilityGroup");
        rejects(with("lastName", "К".repeat(101)), "lastName");
        rejects(with("lastName", "Robert'); DROP TABLE client;--"), "lastName");
        rejects(with("firstName", "   "), "firstName");
        rejects(with("address", "в".repeat(10_000)), "address");
        rejects(with("rnokpp", "12345"), "rnokpp");
        rejects(with("rnokpp", "3000000001"), "rnokpp");
        rejects(with("email", "not-an-email"), "email");
        rejects(with("phone", "call me maybe"), "phone");
        rejects(with("hromada", "Полтава"), "hromada");
        rejects(with("confirmedNotDuplicate", "sure"), "confirmedNotDuplicate");

        // Nothing was stored by any of them.
        as(INTAKE_POLTAVA).queryParam("name", MARKER).get("/clients").then().statusCode(200)
                .body("totalItems", equalTo(0));
        // And the valid body is accepted.
        as(INTAKE_POLTAVA).body(validClient()).post("/clients").then().statusCode(201);
    }

    @Test
    void wrongMediaTypeAndMethodAreProblemsToo() {
        as(INTAKE_POLTAVA).contentType("text/plain").body("hello").post("/clients").then()
                .statusCode(415).contentType("application/problem+json");
        as(INTAKE_POLTAVA).delete("/clients").then().statusCode(405).contentType("application/problem+json");
        as(INTAKE_POLTAVA).get("/clients/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedCaseRequestsAreRefused() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("clientId", clientId);
        open.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        open.put("model", "BROKERAGE");

        Map<String, Object> badUuid = new LinkedHashMap<>(open);
        badUuid.put("clientId", "not-a-uuid");
        as(INTAKE_POLTAVA).body(badUuid).post("/cases").then().statusCode(400).body("errors.field", hasItem("clientId"));
        Map<String, Object> badModel = new LinkedHashMap<>(open);
        badModel.put("model", "HOLISTIC");
        as(INTAKE_POLTAVA).body(badModel).post("/cases").then().statusCode(400)
                .body("errors.field", hasItem("model")).body("detail", containsString("BROKERAGE"));
        Map<String, Object> badCriterion = new LinkedHashMap<>(open);
        badCriterion.put("criteria", List.of("BECAUSE"));
        as(INTAKE_POLTAVA).body(badCriterion).post("/cases").then().statusCode(400)
                .body("errors.field", hasItem("criteria[0]"));
        Map<String, Object> badConsent = new LinkedHashMap<>(open);
        badConsent.put("consent", Map.of("givenAt", "yesterday", "processing", true, "sharingWithPartners", true));
        as(INTAKE_POLTAVA).body(badConsent).post("/cases").then().statusCode(400)
                .body("errors.field", hasItem("consent.givenAt"));
        Map<String, Object> missingConsentField = new LinkedHashMap<>(open);
        missingConsentField.put("consent", Map.of("givenAt", "2026-01-01T10:00:00Z"));
        as(INTAKE_POLTAVA).body(missingConsentField).post("/cases").then().statusCode(400)
                .body("errors.field", hasItems("consent.processing", "consent.sharingWithPartners"));
        Map<String, Object> noModel = new LinkedHashMap<>(open);
        noModel.remove("model");
        as(INTAKE_POLTAVA).body(noModel).post("/cases").then().statusCode(400).body("errors.field", hasItem("model"));
        // None of them opened a case for the client.
        as(MANAGER1_POLTAVA).get("/cases?size=200").then()
                .body("items.findAll { it.clientId == '" + clientId + "' }.size()", equalTo(0));

        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        as(MANAGER1_POLTAVA).body(Map.of("stage", "DONE")).post("/cases/" + caseId + "/stage").then()
                .statusCode(400).body("errors.field", hasItem("stage"));
        as(MANAGER1_POLTAVA).body(Map.of()).post("/cases/" + caseId + "/stage").then()
                .statusCode(400).body("errors.field", hasItem("stage"));
        as(MANAGER1_POLTAVA).body(Map.of("reason", "GOALS_ACHIEVED")).post("/cases/" + caseId + "/closure").then()
                .statusCode(400).body("errors.field", hasItem("outcomeEvaluation"));
        as(MANAGER1_POLTAVA).body(Map.of("kind", "MONITORING", "text", "т".repeat(8001), "confidential", false))
                .post("/cases/" + caseId + "/notes").then().statusCode(400).body("errors.field", hasItem("text"));
        as(MANAGER1_POLTAVA).body(Map.of("needs", List.of())).post("/cases/" + caseId + "/assessments").then()
                .statusCode(400).body("errors.field", hasItem("needs"));
        as(MANAGER1_POLTAVA).body(Map.of("needs", List.of(Map.of("domain", "HOUSING", "severity", "EXTREME"))))
                .post("/cases/" + caseId + "/assessments").then().statusCode(400)
                .body("errors.field", hasItem("needs[0].severity"));
        as(MANAGER1_POLTAVA).body(Map.of("category", "LEGAL", "deliveredOn", "2026-02-30", "provider", "X"))
                .post("/cases/" + caseId + "/services").then().statusCode(400)
                .body("errors.field", hasItem("deliveredOn"));
        as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(200).body("stage", equalTo("CONTACT"));
        as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline").then()
                .body("items.type", org.hamcrest.Matchers.not(hasItem("SERVICE_DELIVERED")));
    }

    @Test
    void badQueryParametersAreNamed() {
        as(MANAGER1_POLTAVA).get("/cases?stage=FINISHED").then().statusCode(400).body("errors.field", hasItem("stage"));
        as(MANAGER1_POLTAVA).get("/cases?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
        as(MANAGER1_POLTAVA).get("/cases?size=100000").then().statusCode(400).body("errors.field", hasItem("size"));
        as(MANAGER1_POLTAVA).get("/cases?overdue=maybe").then().statusCode(400).body("errors.field", hasItem("overdue"));
        as(INTAKE_POLTAVA).get("/clients?dateOfBirth=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("dateOfBirth"));
        as(INTAKE_POLTAVA).get("/appeals?clientId=xyz").then().statusCode(400).body("errors.field", hasItem("clientId"));
    }

    @Test
    void aBearerTokenThatIsNotAJwtIs401NotAServerError() {
        given().header("Authorization", "Bearer not.a.jwt").get("/cases").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
