package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/** Far pages, far-off years and dates sent as numbers are a 400 naming the field, never a 500. */
@QuarkusTest
class OutOfRangeInputTest {

    static final List<String> FAR_OFF_DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01",
            "0000-12-31");
    static final List<String> FAR_OFF_INSTANTS = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z");

    @Test
    void aPageBeyondTheLastPossibleOffsetIsRefusedOnEveryList() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        String clientId = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().extract().path("clientId");
        for (String list : List.of("/cases", "/clients", "/appeals", "/cases/" + caseId + "/timeline",
                "/cases/" + caseId + "/access-log", "/clients/" + clientId + "/access-log")) {
            as(SUPERVISOR_POLTAVA).queryParam("page", 10737419).queryParam("size", 200).get(list).then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
            as(SUPERVISOR_POLTAVA).queryParam("page", 10737418).queryParam("size", 200).get(list).then()
                    .statusCode(200).body("items.size()", equalTo(0));
        }
    }

    @Test
    void aBirthDateSentAsANumberIsRefused() {
        Map<String, Object> c = Api.client("Числова", "Дата", LocalDate.of(1980, 1, 1));
        c.put("confirmedNotDuplicate", true);
        c.put("dateOfBirth", 3650);
        as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("dateOfBirth"));
        c.put("dateOfBirth", List.of(1980, 1, 1));
        as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(400).body("errors.field", hasItem("dateOfBirth"));
        for (String date : FAR_OFF_DATES) {
            c.put("dateOfBirth", date);
            as(INTAKE_POLTAVA).body(c).post("/clients").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("dateOfBirth"));
        }
    }

    @Test
    void farOffDatesOfConsentAppealsAndServicesAreRefusedNamingTheField() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        String clientId = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().extract().path("clientId");
        for (String at : FAR_OFF_INSTANTS) {
            as(MANAGER1_POLTAVA).body(Map.of("givenAt", at, "processing", true, "sharingWithPartners", true))
                    .put("/cases/" + caseId + "/consent").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("givenAt"));
            Map<String, Object> appeal = new LinkedHashMap<>();
            appeal.put("clientId", clientId);
            appeal.put("channel", "IN_PERSON");
            appeal.put("needDomains", List.of("HOUSING"));
            appeal.put("receivedAt", at);
            as(INTAKE_POLTAVA).body(appeal).post("/appeals").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("receivedAt"));
        }
        as(MANAGER1_POLTAVA).body(Map.of("givenAt", 1700000000, "processing", true, "sharingWithPartners", true))
                .put("/cases/" + caseId + "/consent").then().statusCode(400).body("errors.field", hasItem("givenAt"));
        for (String day : FAR_OFF_DATES) {
            as(MANAGER1_POLTAVA).body(Map.of("category", "PSYCHOLOGICAL", "deliveredOn", day, "provider", "ЦНСП"))
                    .post("/cases/" + caseId + "/services").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("deliveredOn"));
        }
        as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/services").then().statusCode(200).body("size()", equalTo(0));
        as(SUPERVISOR_POLTAVA).queryParam("dateOfBirth", "+999999999-12-31").get("/clients").then().statusCode(400)
                .body("errors.field", hasItem("dateOfBirth"));
    }
}
