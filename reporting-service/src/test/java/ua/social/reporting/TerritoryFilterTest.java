package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The statistics filter knows where a community lies from the KATOTTG codifier, never from the code's
 * digits, and refuses communities it does not know; far-off dates are a 400 naming the parameter.
 */
@QuarkusTest
class TerritoryFilterTest {

    /** Алчевська громада: KATOTTG numbers Luhansk oblast 44, ISO 3166-2:UA numbers it 09. */
    static final String LUHANSK_COMMUNITY = "UA44020010000067642";

    private static io.restassured.response.ValidatableResponse statistics(Map<String, String> params) {
        return given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).queryParams(params)
                .get("/statistics").then();
    }

    @Test
    void aLuhanskCommunityIsFoundInOblastUA09() {
        statistics(Map.of("oblast", "UA-09", "hromada", LUHANSK_COMMUNITY, "from", "2019-01-01", "to", "2019-12-31"))
                .statusCode(200).body("scope.oblast", equalTo("UA-09"))
                .body("scope.hromadas", equalTo(java.util.List.of(LUHANSK_COMMUNITY)));
    }

    @Test
    void aCommunitysRowsCarryItsNameRaionAndOblastFromTheCodifier() {
        statistics(Map.of("oblast", "UA-09", "hromada", LUHANSK_COMMUNITY, "groupBy", "hromada", "from", "2019-01-01",
                "to", "2019-12-31"))
                .statusCode(200)
                .body("tables.find { it.name == 'applicants' }.rows.find { it.key == '" + LUHANSK_COMMUNITY + "' }.label",
                        equalTo("Алчевська — Алчевський р-н, Луганська обл."));
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).accept("text/csv")
                .queryParams(Map.of("oblast", "UA-09", "hromada", LUHANSK_COMMUNITY, "groupBy", "hromada",
                        "from", "2019-01-01", "to", "2019-12-31"))
                .get("/statistics").then().statusCode(200)
                .body(containsString("applicants," + LUHANSK_COMMUNITY + ",\"Алчевська — Алчевський р-н, Луганська обл.\","));
    }

    @Test
    void aCommunityOutsideTheNamedOblastIsRefusedNamingIt() {
        statistics(Map.of("oblast", "UA-44", "hromada", LUHANSK_COMMUNITY)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("oblast"));
        statistics(Map.of("oblast", "UA-05", "hromada", LUHANSK_COMMUNITY)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("hromada"))
                .body("detail", containsString("UA-09"));
    }

    @Test
    void anUnknownCommunityIsRefused() {
        statistics(Map.of("hromada", "UA53999999999999999")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("hromada")).body("detail", containsString("unknown"));
    }

    @Test
    void farOffDatesAreRefusedNamingTheParameter() {
        statistics(Map.of("from", "+999999999-12-31")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from"));
        statistics(Map.of("to", "+999999999-12-31")).statusCode(400).body("errors.field", hasItem("to"));
        statistics(Map.of("from", "-999999999-01-01")).statusCode(400).body("errors.field", hasItem("from"));
        statistics(Map.of("to", "-999999999-01-01")).statusCode(400).body("errors.field", hasItem("to"));
        statistics(Map.of("from", "0000-01-01")).statusCode(400).body("errors.field", hasItem("from"));
    }
}
