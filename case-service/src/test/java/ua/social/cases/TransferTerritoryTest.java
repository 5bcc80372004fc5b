package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/** A case is transferred only to a real community, named with the oblast it lies in. */
@QuarkusTest
class TransferTerritoryTest {

    /** Алчевська громада: KATOTTG numbers Luhansk oblast 44, ISO 3166-2:UA numbers it 09. */
    static final String LUHANSK_COMMUNITY = "UA44020010000067642";

    private static io.restassured.response.ValidatableResponse transfer(String caseId, String oblast, String hromada) {
        return as(SUPERVISOR_POLTAVA).body(Map.of("toOblast", oblast, "toHromada", hromada,
                "reason", "Родина переїхала")).post("/cases/" + caseId + "/transfer").then();
    }

    @Test
    void aLuhanskCommunityIsTransferredToWithOblastUA09() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        transfer(caseId, "UA-09", LUHANSK_COMMUNITY).statusCode(200)
                .body("oblast", equalTo("UA-09")).body("hromada", equalTo(LUHANSK_COMMUNITY));
    }

    @Test
    void anOblastAndCommunityThatDoNotBelongTogetherAreRefusedNamingTheCommunity() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        // The digits say 44, but UA-44 is no oblast: the codifier's own code is the only truth.
        transfer(caseId, "UA-44", LUHANSK_COMMUNITY).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("toOblast"));
        transfer(caseId, "UA-05", LUHANSK_COMMUNITY).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("toHromada"));
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200)
                .body("hromada", equalTo(ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA));
    }

    @Test
    void anUnknownCommunityCodeIsRefused() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        transfer(caseId, "UA-53", "UA53999999999999999").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("toHromada"))
                .body("errors.find { it.field == 'toHromada' }.message", org.hamcrest.Matchers.containsString("unknown"));
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(200);
    }
}
