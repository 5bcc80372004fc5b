package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import ua.social.identity.Roles;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees which statistics: analysts every region, supervisors their own community, nobody else. */
@QuarkusTest
class AuthorizationTest {

    static final Map<String, String> YEAR_2019 = Map.of("from", "2019-01-01", "to", "2019-12-31");

    private static List<String> rowKeys(JsonNode tables, String table) {
        List<String> keys = new ArrayList<>();
        Reports.table(tables, table).get("rows").forEach(r -> keys.add(r.get("key").asText()));
        return keys;
    }

    @Test
    void analystSeesEveryRegion() {
        TestData.world();
        JsonNode tables = Reports.tables(Reports.get(DemoUsers.ANALYST, YEAR_2019).then().statusCode(200).extract()
                .response());
        List<String> oblasts = rowKeys(tables, "casesOpenedByModel");
        assertTrue(oblasts.containsAll(List.of("UA-12", "UA-53", "UA-63", "UA-71")), "oblasts: " + oblasts);
    }

    @Test
    void supervisorSeesOnlyTheirOwnCommunityAsTheAnalystSeesIt() {
        TestData.world();
        var supervisor = Reports.get(DemoUsers.SUPERVISOR_POLTAVA, YEAR_2019).then().statusCode(200)
                .body("scope.hromadas", equalTo(List.of(DemoUsers.POLTAVA_HROMADA)))
                .body("scope.groupBy", equalTo("hromada")).extract().response();
        JsonNode own = Reports.tables(supervisor);
        assertEquals(List.of(DemoUsers.POLTAVA_HROMADA), rowKeys(own, "casesOpenedByModel"));
        JsonNode applicants = Reports.table(own, "applicants").get("total").get("cells").get(1);
        assertTrue(applicants.get("suppressed").asBoolean() || applicants.get("value").asLong() > 0,
                "the supervisor's community has this run's appeals: " + applicants);
        JsonNode analyst = Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01",
                "to", "2019-12-31", "hromada", DemoUsers.POLTAVA_HROMADA)));
        assertEquals(analyst, own);

        JsonNode ownOblastRow = Reports.tables(Reports.get(DemoUsers.SUPERVISOR_POLTAVA, Map.of("from", "2019-01-01",
                "to", "2019-12-31", "groupBy", "oblast")));
        assertEquals(List.of(DemoUsers.POLTAVA_OBLAST), rowKeys(ownOblastRow, "casesOpenedByModel"));
        assertEquals(Reports.tables(Reports.get(DemoUsers.ANALYST, Map.of("from", "2019-01-01", "to", "2019-12-31",
                "hromada", DemoUsers.POLTAVA_HROMADA, "groupBy", "oblast"))), ownOblastRow,
                "the supervisor's oblast row holds only their community");
    }

    @Test
    void supervisorCannotAskForAnotherCommunityOrOblast() {
        forbidden(DemoUsers.SUPERVISOR_POLTAVA, Map.of("hromada", DemoUsers.VINNYTSIA_HROMADA));
        forbidden(DemoUsers.SUPERVISOR_POLTAVA, Map.of("oblast", DemoUsers.VINNYTSIA_OBLAST));
        forbidden(DemoUsers.SUPERVISOR_VINNYTSIA, Map.of("hromada", DemoUsers.POLTAVA_HROMADA));
    }

    @Test
    void caseManagersIntakeOfficersAndAdminsGet403() {
        forbidden(DemoUsers.MANAGER1_POLTAVA, Map.of());
        forbidden(DemoUsers.INTAKE_VINNYTSIA, Map.of());
        forbidden(DemoUsers.ADMIN, Map.of());
        given().header("Authorization", Tokens.bearer(DemoUsers.MANAGER1_POLTAVA)).get("/statistics/applicants")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "partner-ngo", roles = Roles.PARTNER)
    void aPartnerGets403() {
        given().get("/statistics").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void partnerApiKeysOpenNothingHere() {
        given().header("X-API-Key", "pk_live_anything").get("/statistics")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().get("/statistics").then().statusCode(401).contentType("application/problem+json");
        given().accept("text/csv").get("/statistics").then().statusCode(401);
    }

    @Test
    void onlyPlatformAdminsReplayOrSeeTheConsumer() {
        for (String user : List.of(DemoUsers.ANALYST, DemoUsers.SUPERVISOR_POLTAVA, DemoUsers.MANAGER1_POLTAVA)) {
            given().header("Authorization", Tokens.bearer(user)).post("/admin/replays")
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", Tokens.bearer(user)).get("/admin/consumer")
                    .then().statusCode(403);
        }
        given().post("/admin/replays").then().statusCode(401);
    }

    private static void forbidden(String user, Map<String, String> params) {
        given().header("Authorization", Tokens.bearer(user)).queryParams(params).get("/statistics")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
