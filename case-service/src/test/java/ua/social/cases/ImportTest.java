package ua.social.cases;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.cases.support.CaseEventsReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.Tokens.bearer;

/**
 * The import of historical records (POST /imports): a file of good and bad lines imports the good ones with their
 * historical dates and events, refuses the bad ones with field and message and stores nothing of them; importing
 * it again changes nothing; only supervisors of the community and the platform administrator import.
 */
@QuarkusTest
class ImportTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response post(String user, String contentType, String hromada, String file) {
        return given().header("Authorization", bearer(user)).contentType(contentType)
                .body(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/imports" + (hromada == null ? "" : "?hromada=" + hromada));
    }

    /** Starts the import and waits until the job has read the whole file. */
    private static Map<String, Object> importAndWait(String user, String contentType, String file) {
        Response started = post(user, contentType, null, file);
        started.then().statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(
                "/imports/" + started.path("id")));
        String location = "/imports/" + started.path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !List.of("QUEUED", "RUNNING").contains(as(user).get(location).then().statusCode(200)
                        .extract().<String>path("state")));
        return as(user).get(location).then().statusCode(200).body("state", equalTo("FINISHED"))
                .extract().jsonPath().getMap("");
    }

    private static List<Map<String, Object>> report(String user, Object jobId) {
        return as(user).get("/imports/" + jobId + "/report?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static boolean reported(List<Map<String, Object>> report, int line, String field) {
        return report.stream().anyMatch(p -> ((Number) p.get("line")).intValue() == line && field.equals(p.get("field"))
                && p.get("message") != null && !p.get("message").toString().isBlank());
    }

    private String recordId(String kind, String externalId) {
        List<String> ids = strings("select record_id::text from import_record where hromada = ? and kind = ? "
                + "and external_id = ?", POLTAVA_HROMADA, kind, externalId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private long count(String sql, Object... params) {
        return Long.parseLong(strings(sql, params).get(0));
    }

    private List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMixedFileImportsTheGoodLinesWithTheirHistoricalDatesAndRefusesTheBadOnesStoringNothingOfThem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String last = "Архівна-" + Api.letters((int) (System.nanoTime() % 100000));
        String badLast = "Відхилена-" + Api.letters((int) (System.nanoTime() % 100000));
        String dob = Api.uniqueBirthDate().toString();
        String file = String.join("\n",
                // 1 good client
                "{\"kind\":\"client\",\"externalId\":\"c-" + run + "\",\"registeredAt\":\"2023-02-01\",\"lastName\":\"" + last
                        + "\",\"firstName\":\"Ганна\",\"dateOfBirth\":\"" + dob + "\",\"sex\":\"FEMALE\",\"rnokpp\":\""
                        + Api.rnokpp() + "\",\"vulnerableGroups\":[\"INTERNALLY_DISPLACED\"],\"confirmedNotDuplicate\":true}",
                // 2 bad client: RNOKPP with a wrong check digit
                "{\"kind\":\"client\",\"externalId\":\"c2-" + run + "\",\"lastName\":\"" + badLast + "\",\"firstName\":\"Ганна\","
                        + "\"dateOfBirth\":\"1980-01-01\",\"sex\":\"FEMALE\",\"rnokpp\":\"1234567890\",\"confirmedNotDuplicate\":true}",
                // 3 good appeal
                "{\"kind\":\"appeal\",\"externalId\":\"a-" + run + "\",\"client\":\"c-" + run + "\",\"receivedAt\":"
                        + "\"2023-03-01T10:15:00+02:00\",\"channel\":\"IN_PERSON\",\"needDomains\":[\"HOUSING\"]}",
                // 4 good case: opened on the appeal, assigned, closed in 2023
                "{\"kind\":\"case\",\"externalId\":\"k-" + run + "\",\"appeal\":\"a-" + run + "\",\"openedAt\":"
                        + "\"2023-03-02T09:00:00+02:00\",\"model\":\"BROKERAGE\",\"criteria\":[\"ADDITIONAL_RESOURCES_NEEDED\"],"
                        + "\"caseManager\":\"" + MANAGER1_POLTAVA + "\",\"assignedAt\":\"2023-03-03T09:00:00+02:00\","
                        + "\"closedAt\":\"2023-09-29T16:00:00+03:00\",\"closureReason\":\"GOALS_ACHIEVED\","
                        + "\"outcomeEvaluation\":\"Житло знайдено\"}",
                // 5 bad case: closed before it was opened
                "{\"kind\":\"case\",\"externalId\":\"k2-" + run + "\",\"client\":\"c-" + run + "\",\"openedAt\":\"2023-05-01\","
                        + "\"model\":\"BROKERAGE\",\"criteria\":[\"ADDITIONAL_RESOURCES_NEEDED\"],\"closedAt\":\"2023-04-01\","
                        + "\"closureReason\":\"OTHER\",\"outcomeEvaluation\":\"Помилка\"}",
                // 6 good service within the case
                "{\"kind\":\"service\",\"externalId\":\"s-" + run + "\",\"case\":\"k-" + run + "\",\"category\":\"LEGAL\","
                        + "\"deliveredOn\":\"2023-04-10\",\"provider\":\"Центр правничої допомоги\"}",
                // 7 bad service: after the case was closed
                "{\"kind\":\"service\",\"externalId\":\"s2-" + run + "\",\"case\":\"k-" + run + "\",\"category\":\"LEGAL\","
                        + "\"deliveredOn\":\"2023-12-10\",\"provider\":\"Центр правничої допомоги\"}",
                // 8 bad case: a client no earlier line imported
                "{\"kind\":\"case\",\"externalId\":\"k3-" + run + "\",\"client\":\"nobody-" + run + "\",\"openedAt\":\"2023-05-01\","
                        + "\"model\":\"BROKERAGE\",\"criteria\":[\"ADDITIONAL_RESOURCES_NEEDED\"]}",
                // 9 bad client: another community
                "{\"kind\":\"client\",\"externalId\":\"c3-" + run + "\",\"lastName\":\"" + badLast + "\",\"firstName\":\"Ольга\","
                        + "\"dateOfBirth\":\"1981-01-01\",\"sex\":\"FEMALE\",\"hromada\":\"" + VINNYTSIA_HROMADA + "\"}",
                // 10 not JSON
                "{\"kind\":\"client\",",
                // 11 bad case: an unknown closure reason
                "{\"kind\":\"case\",\"externalId\":\"k4-" + run + "\",\"client\":\"c-" + run + "\",\"openedAt\":\"2023-05-01\","
                        + "\"model\":\"BROKERAGE\",\"criteria\":[\"ADDITIONAL_RESOURCES_NEEDED\"],\"closedAt\":\"2023-06-01\","
                        + "\"closureReason\":\"BORED\",\"outcomeEvaluation\":\"—\"}",
                // 12 bad service: an unknown category, and a date in the future
                "{\"kind\":\"service\",\"externalId\":\"s3-" + run + "\",\"case\":\"k-" + run + "\",\"category\":\"MAGIC\","
                        + "\"deliveredOn\":\"2023-05-10\",\"provider\":\"Хтось\"}",
                "{\"kind\":\"appeal\",\"externalId\":\"a2-" + run + "\",\"client\":\"c-" + run + "\",\"receivedAt\":\""
                        + OffsetDateTime.now().plusDays(3).toLocalDate() + "\",\"channel\":\"PHONE\",\"needDomains\":[\"HOUSING\"]}");

        try (CaseEventsReader events = new CaseEventsReader()) {
            Map<String, Object> job = importAndWait(SUPERVISOR_POLTAVA, "application/x-ndjson", file);
            assertEquals(13, job.get("linesRead"), job.toString());
            assertEquals(4, job.get("imported"), job.toString());
            assertEquals(9, job.get("refused"), job.toString());
            List<Map<String, Object>> report = report(SUPERVISOR_POLTAVA, job.get("id"));
            assertTrue(reported(report, 2, "rnokpp"), report.toString());
            assertTrue(reported(report, 5, "closedAt"), report.toString());
            assertTrue(reported(report, 7, "deliveredOn"), report.toString());
            assertTrue(reported(report, 8, "client"), report.toString());
            assertTrue(reported(report, 9, "hromada"), report.toString());
            assertTrue(reported(report, 10, "line"), report.toString());
            assertTrue(reported(report, 11, "closureReason"), report.toString());
            assertTrue(reported(report, 12, "category"), report.toString());
            assertTrue(reported(report, 13, "receivedAt"), report.toString());
            String csv = as(SUPERVISOR_POLTAVA).get("/imports/" + job.get("id") + "/report?format=csv").then()
                    .statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
            assertTrue(csv.startsWith("line,kind,externalId,field,message\n") && csv.contains("\"closedAt\""), csv);

            // The good lines, through the normal API, with their historical dates.
            String clientId = recordId("client", "c-" + run);
            String caseId = recordId("case", "k-" + run);
            as(SUPERVISOR_POLTAVA).get("/clients/" + clientId).then().statusCode(200).body("lastName", equalTo(last));
            as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200)
                    .body("stage", equalTo("CLOSED"))
                    .body("clientId", equalTo(clientId))
                    .body("caseManager.username", equalTo(MANAGER1_POLTAVA))
                    .body("closureReason", equalTo("GOALS_ACHIEVED"));
            Map<String, Object> theCase = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().extract().jsonPath().getMap("");
            assertEquals(OffsetDateTime.parse("2023-03-02T09:00:00+02:00").toInstant(),
                    OffsetDateTime.parse((String) theCase.get("openedAt")).toInstant());
            assertEquals(OffsetDateTime.parse("2023-09-29T16:00:00+03:00").toInstant(),
                    OffsetDateTime.parse((String) theCase.get("closedAt")).toInstant());
            as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/services").then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].deliveredOn", equalTo("2023-04-10"))
                    .body("[0].category", equalTo("LEGAL"));
            as(SUPERVISOR_POLTAVA).get("/appeals/" + recordId("appeal", "a-" + run)).then().statusCode(200)
                    .body("outcome", equalTo("CASE_OPENED")).body("caseId", equalTo(caseId));
            List<String> timeline = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/timeline").then().statusCode(200)
                    .extract().jsonPath().getList("items.type");
            assertTrue(timeline.containsAll(List.of("CASE_OPENED", "CASE_MANAGER_ASSIGNED", "CASE_CLOSED")), timeline.toString());

            // Nothing of the refused lines: no client of the bad names, no second case of the client, one service.
            assertEquals(0, count("select count(*) from client where last_name = ?", badLast));
            assertEquals(1, count("select count(*) from social_case where client_id = ?::uuid", clientId));
            assertEquals(1, count("select count(*) from appeal where client_id = ?::uuid", clientId));
            assertEquals(1, count("select count(*) from service_delivery where case_id = ?::uuid", caseId));
            assertEquals(0, count("select count(*) from import_record where external_id in (?, ?, ?, ?)",
                    "c2-" + run, "k2-" + run, "s2-" + run, "k4-" + run));

            // The same events as the API's, at their historical instants (the CloudEvent time too).
            await().atMost(Duration.ofSeconds(30)).until(() -> events.about(caseId).size() >= 3);
            Map<String, CaseEventsReader.Event> byType = new java.util.HashMap<>();
            events.about(caseId).forEach(e -> byType.putIfAbsent(e.type(), e));
            CaseEventsReader.Event closed = byType.get("ua.social.case.closed");
            assertEquals(OffsetDateTime.parse("2023-09-29T16:00:00+03:00").toInstant(),
                    OffsetDateTime.parse(closed.time()).toInstant(), closed.toString());
            assertEquals(OffsetDateTime.parse("2023-09-29T16:00:00+03:00").toInstant(),
                    OffsetDateTime.parse(closed.data().path("closedAt").asText()).toInstant());
            assertEquals(OffsetDateTime.parse("2023-03-02T09:00:00+02:00").toInstant(),
                    OffsetDateTime.parse(byType.get("ua.social.case.opened").time()).toInstant());
            assertEquals(OffsetDateTime.parse("2023-03-03T09:00:00+02:00").toInstant(),
                    OffsetDateTime.parse(byType.get("ua.social.case.assigned").time()).toInstant());
            await().atMost(Duration.ofSeconds(30)).until(() -> events.about(caseId).stream()
                    .anyMatch(e -> e.type().equals("ua.social.case.service-delivered")));
            CaseEventsReader.Event service = events.about(caseId).stream()
                    .filter(e -> e.type().equals("ua.social.case.service-delivered")).findFirst().orElseThrow();
            assertEquals("2023-04-10", service.data().path("deliveredOn").asText());
            assertEquals(OffsetDateTime.parse("2023-04-10T00:00:00+03:00").toInstant(),
                    OffsetDateTime.parse(service.time()).toInstant());

            // Importing the same file again changes nothing: no new rows, no new events.
            long outbox = count("select count(*) from outbox_event where event_key in (?, ?)", caseId, clientId);
            long rows = count("select (select count(*) from client) + (select count(*) from appeal) "
                    + "+ (select count(*) from social_case) + (select count(*) from service_delivery) "
                    + "+ (select count(*) from import_record)");
            Map<String, Object> again = importAndWait(SUPERVISOR_POLTAVA, "application/x-ndjson", file);
            assertEquals(0, again.get("imported"), again.toString());
            assertEquals(4, again.get("alreadyImported"), again.toString());
            assertEquals(9, again.get("refused"), again.toString());
            assertEquals(outbox, count("select count(*) from outbox_event where event_key in (?, ?)", caseId, clientId));
            assertEquals(rows, count("select (select count(*) from client) + (select count(*) from appeal) "
                    + "+ (select count(*) from social_case) + (select count(*) from service_delivery) "
                    + "+ (select count(*) from import_record)"));
        }
    }

    @Test
    void aCsvFileImportsLikeJsonLinesWithListsSeparatedByBars() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String last = "Таблична-" + Api.letters((int) (System.nanoTime() % 100000));
        String file = "kind,externalId,lastName,firstName,dateOfBirth,sex,vulnerableGroups,confirmedNotDuplicate,client,"
                + "openedAt,model,criteria,needDomains,closedAt,closureReason,outcomeEvaluation\n"
                + "client,c-" + run + "," + last + ",Марія," + Api.uniqueBirthDate() + ",FEMALE,"
                + "INTERNALLY_DISPLACED|FAMILY_WITH_CHILDREN_IN_DIFFICULTY,true,,,,,,,,\n"
                + "case,k-" + run + ",,,,,,,c-" + run + ",2022-11-15,BROKERAGE,ADDITIONAL_RESOURCES_NEEDED,HOUSING|PHYSICAL_HEALTH,"
                + "2023-01-20,MOVED_AWAY,\"Переїхала, справу завершено\"\n"
                + "case,k2-" + run + ",,,,,,,c-" + run + ",2022-11-15,BROKERAGE,,,,,\n";
        Map<String, Object> job = importAndWait(SUPERVISOR_POLTAVA, "text/csv", file);
        assertEquals("CSV", job.get("format"));
        assertEquals(2, job.get("imported"), job.toString());
        assertEquals(1, job.get("refused"), job.toString());
        // line 4: no criterion and no supervisor's reason, as POST /cases refuses it
        assertTrue(reported(report(SUPERVISOR_POLTAVA, job.get("id")), 4, "criteria"));
        String caseId = recordId("case", "k-" + run);
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200)
                .body("stage", equalTo("CLOSED")).body("closureReason", equalTo("MOVED_AWAY"))
                .body("number", startsWith("CM-2022-"));
        as(SUPERVISOR_POLTAVA).get("/clients/" + recordId("client", "c-" + run)).then().statusCode(200)
                .body("vulnerableGroups.size()", equalTo(2));
    }

    @Test
    void onlySupervisorsOfTheCommunityAndThePlatformAdministratorImport() {
        String line = "{\"kind\":\"client\",\"externalId\":\"x\"}";
        post(SUPERVISOR_VINNYTSIA, "application/x-ndjson", POLTAVA_HROMADA, line).then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("hromada"));
        post(INTAKE_POLTAVA, "application/x-ndjson", null, line).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        post(MANAGER1_POLTAVA, "text/csv", null, "kind,externalId\n").then().statusCode(403);
        post(ADMIN, "application/x-ndjson", null, line).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("hromada"));
        post(ADMIN, "application/x-ndjson", "UA99999999999999999", line).then().statusCode(400)
                .body("errors[0].field", equalTo("hromada"));
        String job = post(ADMIN, "application/x-ndjson", POLTAVA_HROMADA, line).then().statusCode(202)
                .body("hromada", equalTo(POLTAVA_HROMADA)).extract().path("id");
        as(SUPERVISOR_VINNYTSIA).get("/imports/" + job).then().statusCode(404);
        as(SUPERVISOR_POLTAVA).get("/imports/" + job).then().statusCode(200).body("createdBy", equalTo(ADMIN));
    }
}
