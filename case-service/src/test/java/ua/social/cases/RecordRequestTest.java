package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.cases.support.CaseEventsReader;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.client;
import static ua.social.cases.support.Api.uniqueBirthDate;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.INTAKE_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;

/**
 * A displaced person registered in Poltava applies in Vinnytsia. Vinnytsia's front office learns only that a
 * record exists elsewhere; Vinnytsia's supervisor asks for it; Poltava's supervisor accepts or declines.
 */
@QuarkusTest
class RecordRequestTest {

    /** A Poltava client with an RNOKPP, and what a Vinnytsia officer would type for them. */
    private record Person(String id, String lastName, String firstName, LocalDate dob, String rnokpp) {
    }

    private static Person registeredInPoltava() {
        LocalDate dob = uniqueBirthDate();
        String lastName = "Переселенко-" + Api.letters((int) (System.nanoTime() % 100000));
        Map<String, Object> body = client(lastName, "Дарина", dob);
        String rnokpp = Api.rnokpp();
        body.put("rnokpp", rnokpp);
        body.put("confirmedNotDuplicate", true);
        String id = as(INTAKE_POLTAVA).body(body).post("/clients").then().statusCode(201).extract().path("id");
        return new Person(id, lastName, "Дарина", dob, rnokpp);
    }

    private static void assertDisclosesNothingAbout(Person p, Response r) {
        String body = r.asString();
        assertThat(body, not(containsString(p.id())));
        assertThat(body, not(containsString(p.lastName())));
        assertThat(body, not(containsString(p.dob().toString())));
        assertThat(body, not(containsString(POLTAVA_HROMADA)));
        assertThat(body, not(containsString("Полтав")));
    }

    private static Response duplicateCheck(String user, Person p) {
        return as(user).queryParam("lastName", p.lastName()).queryParam("firstName", p.firstName())
                .queryParam("dateOfBirth", p.dob().toString()).get("/clients/likely-duplicates");
    }

    private static String referenceFor(String user, Person p) {
        Response r = duplicateCheck(user, p);
        r.then().statusCode(200).body("candidates", hasSize(0)).body("recordsElsewhere", hasSize(1));
        return r.path("recordsElsewhere[0].reference");
    }

    private static String request(String reference) {
        return as(SUPERVISOR_VINNYTSIA).body(Map.of("reference", reference, "reason", "Особа звернулася до ЦНАП Вінниці"))
                .post("/record-requests").then().statusCode(201).extract().path("id");
    }

    private static String openCaseFor(String clientId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        body.put("model", "BROKERAGE");
        body.put("consent", Api.consent());
        body.put("caseManager", MANAGER1_POLTAVA);
        return as(INTAKE_POLTAVA).body(body).post("/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void anotherCommunitysMatchShowsOnlyThatARecordExistsElsewhere() {
        Person p = registeredInPoltava();

        Response check = duplicateCheck(INTAKE_VINNYTSIA, p);
        check.then().statusCode(200).body("candidates", hasSize(0))
                .body("recordsElsewhere", hasSize(1))
                .body("recordsElsewhere[0].match", equalTo("same name and date of birth"))
                .body("recordsElsewhere[0].reference", notNullValue())
                .body("recordsElsewhere[0].referenceExpiresAt", notNullValue());
        assertDisclosesNothingAbout(p, check);

        Map<String, Object> sameRnokpp = client("Інша", "Особа", uniqueBirthDate());
        sameRnokpp.put("rnokpp", p.rnokpp());
        Response byRnokpp = as(INTAKE_VINNYTSIA).body(sameRnokpp).post("/clients");
        byRnokpp.then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("duplicate-rnokpp"))
                .body("errors[0].field", equalTo("rnokpp"))
                .body("existingClientId", nullValue())
                .body("existing", nullValue())
                .body("recordElsewhere.match", equalTo("RNOKPP"))
                .body("recordElsewhere.reference", notNullValue());
        assertDisclosesNothingAbout(p, byRnokpp);

        Response likely = as(INTAKE_VINNYTSIA).body(client(p.lastName(), p.firstName(), p.dob())).post("/clients");
        likely.then().statusCode(409).body("type", containsString("likely-duplicate"))
                .body("likelyDuplicates", hasSize(0)).body("recordsElsewhere", hasSize(1));
        assertDisclosesNothingAbout(p, likely);

        // In the caller's reach the candidate is shown as before, and that read is logged; Poltava's log also
        // shows that Vinnytsia was told a record exists (nothing shown).
        duplicateCheck(INTAKE_POLTAVA, p).then().statusCode(200).body("candidates.id", contains(p.id()))
                .body("candidates[0].lastName", equalTo(p.lastName())).body("recordsElsewhere", hasSize(0));
        as(SUPERVISOR_POLTAVA).get("/clients/" + p.id() + "/access-log").then().statusCode(200)
                .body("items[0].username", equalTo(INTAKE_POLTAVA))
                .body("items[0].action", equalTo("duplicate check"))
                .body("items.findAll { it.username == 'intake.vinnytsia' }.action",
                        contains("duplicate check: existence only", "duplicate check: existence only",
                                "duplicate check: existence only"));
    }

    @Test
    void theOwningSupervisorAcceptsAndTheRecordAndOpenCaseMoveToTheRequestingCommunity() {
        Person p = registeredInPoltava();
        String caseId = openCaseFor(p.id());
        String reference = referenceFor(INTAKE_VINNYTSIA, p);

        // Only a supervisor asks; a reference issued to Vinnytsia means nothing to Poltava.
        as(INTAKE_VINNYTSIA).body(Map.of("reference", reference, "reason", "x")).post("/record-requests")
                .then().statusCode(403);
        as(SUPERVISOR_POLTAVA).body(Map.of("reference", reference, "reason", "x")).post("/record-requests")
                .then().statusCode(422).body("type", containsString("unknown-reference"))
                .body("errors[0].field", equalTo("reference"));
        as(SUPERVISOR_VINNYTSIA).body(Map.of("reference", "no-such-reference", "reason", "x")).post("/record-requests")
                .then().statusCode(422).body("errors[0].field", equalTo("reference"));

        Response created = as(SUPERVISOR_VINNYTSIA)
                .body(Map.of("reference", reference, "reason", "Особа звернулася до ЦНАП Вінниці")).post("/record-requests");
        created.then().statusCode(201).header("Location", containsString("/record-requests/"))
                .body("status", equalTo("PENDING")).body("client", nullValue())
                .body("requestingHromada", equalTo(VINNYTSIA_HROMADA));
        assertDisclosesNothingAbout(p, created);
        String requestId = created.path("id");
        as(SUPERVISOR_VINNYTSIA).body(Map.of("reference", reference, "reason", "ще раз")).post("/record-requests")
                .then().statusCode(409).body("type", containsString("record-request-pending"));
        Response outgoing = as(SUPERVISOR_VINNYTSIA).queryParam("direction", "outgoing").get("/record-requests");
        outgoing.then().statusCode(200).body("items.id", hasItem(requestId));
        assertDisclosesNothingAbout(p, outgoing);
        as(SUPERVISOR_VINNYTSIA).get("/clients/" + p.id()).then().statusCode(404);

        // Poltava's supervisor sees who is asked for (a logged read) and decides; Vinnytsia cannot decide.
        as(SUPERVISOR_POLTAVA).queryParam("direction", "incoming").queryParam("status", "PENDING").get("/record-requests")
                .then().statusCode(200)
                .body("items.find { it.id == '" + requestId + "' }.client.id", equalTo(p.id()))
                .body("items.find { it.id == '" + requestId + "' }.client.lastName", equalTo(p.lastName()));
        as(SUPERVISOR_POLTAVA).get("/clients/" + p.id() + "/access-log").then()
                .body("items[0].action", equalTo("record request"))
                .body("items[0].username", equalTo(SUPERVISOR_POLTAVA));
        as(SUPERVISOR_VINNYTSIA).body(Map.of("decision", "ACCEPTED", "transferOpenCase", true))
                .post("/record-requests/" + requestId + "/decision").then().statusCode(403);
        as(MANAGER1_VINNYTSIA).get("/record-requests/" + requestId).then().statusCode(403);

        try (CaseEventsReader events = new CaseEventsReader()) {
            as(SUPERVISOR_POLTAVA).body(Map.of("decision", "ACCEPTED", "transferOpenCase", true,
                            "note", "Передаємо разом із випадком"))
                    .post("/record-requests/" + requestId + "/decision").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"))
                    .body("decidedBy", equalTo(SUPERVISOR_POLTAVA))
                    .body("transferredCases", contains(caseId));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    events.about(caseId).stream().filter(e -> e.type().equals("ua.social.case.transferred"))
                            .map(e -> e.data().path("toHromada").asText()).toList(), contains(VINNYTSIA_HROMADA)));
        }
        as(SUPERVISOR_POLTAVA).body(Map.of("decision", "DECLINED"))
                .post("/record-requests/" + requestId + "/decision").then().statusCode(409)
                .body("type", containsString("record-request-decided"));

        // Vinnytsia now holds the record and the case; Poltava no longer reaches either.
        as(SUPERVISOR_VINNYTSIA).get("/record-requests/" + requestId).then().statusCode(200)
                .body("client.id", equalTo(p.id())).body("client.hromada", equalTo(VINNYTSIA_HROMADA));
        as(INTAKE_VINNYTSIA).get("/clients/" + p.id()).then().statusCode(200)
                .body("hromada", equalTo(VINNYTSIA_HROMADA)).body("oblast", equalTo(VINNYTSIA_OBLAST));
        duplicateCheck(INTAKE_VINNYTSIA, p).then().body("candidates.id", contains(p.id()))
                .body("recordsElsewhere", hasSize(0));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId).then().statusCode(200)
                .body("hromada", equalTo(VINNYTSIA_HROMADA)).body("caseManager", nullValue());
        as(SUPERVISOR_VINNYTSIA).queryParam("size", "200").get("/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("items.type", hasItem("CASE_TRANSFERRED"))
                .body("items.find { it.type == 'CLIENT_RECORD_TRANSFERRED' }.details.recordRequestId", equalTo(requestId))
                .body("items.find { it.type == 'CLIENT_RECORD_TRANSFERRED' }.details.caseTransferred", equalTo(true))
                .body("items.find { it.type == 'CLIENT_RECORD_TRANSFERRED' }.actor", equalTo(SUPERVISOR_POLTAVA));
        as(SUPERVISOR_VINNYTSIA).get("/clients/" + p.id() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("record sent on request to " + VINNYTSIA_HROMADA));
        as(SUPERVISOR_POLTAVA).get("/clients/" + p.id()).then().statusCode(404);
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(404);
        as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void theOwningSupervisorMayDeclineOrSendTheRecordButKeepTheCase() {
        Person p = registeredInPoltava();
        String caseId = openCaseFor(p.id());

        String declined = request(referenceFor(INTAKE_VINNYTSIA, p));
        as(SUPERVISOR_POLTAVA).body(Map.of("decision", "DECLINED", "note", "Особа просила не передавати"))
                .post("/record-requests/" + declined + "/decision").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("client.id", equalTo(p.id()));
        as(SUPERVISOR_VINNYTSIA).get("/record-requests/" + declined).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("decisionNote", equalTo("Особа просила не передавати"))
                .body("client", nullValue());
        as(SUPERVISOR_VINNYTSIA).get("/clients/" + p.id()).then().statusCode(404);

        // Asked again, the record goes but the case stays with Poltava.
        String accepted = request(referenceFor(INTAKE_VINNYTSIA, p));
        as(SUPERVISOR_POLTAVA).body(Map.of("decision", "ACCEPTED", "transferOpenCase", false))
                .post("/record-requests/" + accepted + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("transferredCases", hasSize(0));
        as(INTAKE_VINNYTSIA).get("/clients/" + p.id()).then().statusCode(200).body("hromada", equalTo(VINNYTSIA_HROMADA));
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200).body("hromada", equalTo(POLTAVA_HROMADA));
        as(SUPERVISOR_POLTAVA).get("/clients/" + p.id()).then().statusCode(200);
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/timeline").then()
                .body("items.find { it.type == 'CLIENT_RECORD_TRANSFERRED' }.details.caseTransferred", equalTo(false))
                .body("items.type", not(hasItem("CASE_TRANSFERRED")));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId).then().statusCode(404);
    }
}
