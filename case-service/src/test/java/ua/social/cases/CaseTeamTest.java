package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;

/** Who can be put on a case's team, and what that opens to them. */
@QuarkusTest
class CaseTeamTest {

    private static Response setTeam(String caseId, List<Map<String, Object>> members) {
        return as(MANAGER1_POLTAVA).body(Map.of("arrangement", "MULTIDISCIPLINARY", "members", members))
                .put("/cases/" + caseId + "/team");
    }

    @Test
    void anotherCommunitysManagerIsRefusedWithTheSameAnswerAsAnUnknownUser() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        String clientId = as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(200).extract().path("clientId");

        Response otherCommunity = setTeam(caseId, List.of(Map.of("kind", "STAFF", "username", MANAGER1_VINNYTSIA)));
        Response unknown = setTeam(caseId, List.of(Map.of("kind", "STAFF", "username", "nobody.at.all")));
        otherCommunity.then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("not-community-staff"))
                .body("errors[0].field", equalTo("members[0].username"));
        unknown.then().statusCode(422);
        assertThat(unknown.asString(), equalTo(otherCommunity.asString()));

        // Nothing was stored and nothing opened to the other community's manager.
        as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().body("team", hasSize(0));
        as(MANAGER1_VINNYTSIA).get("/cases/" + caseId).then().statusCode(404);
        as(MANAGER1_VINNYTSIA).get("/clients/" + clientId).then().statusCode(404);
        as(MANAGER1_VINNYTSIA).get("/cases").then().body("items.id", not(hasItem(caseId)));

        // Staff of the case's community can be added, and then reach the case.
        setTeam(caseId, List.of(Map.of("kind", "STAFF", "username", MANAGER2_POLTAVA, "specialty", "психолог")))
                .then().statusCode(200).body("team[0].username", equalTo(MANAGER2_POLTAVA));
        as(MANAGER2_POLTAVA).get("/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void aSpecialistOfAnotherAgencyIsRecordedByNameWithoutAccess() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");

        // An external member cannot be given an account's access by naming a username.
        setTeam(caseId, List.of(Map.of("kind", "PARTNER", "name", "Ірина Мельник", "username", MANAGER1_VINNYTSIA)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("members[0].username"));

        setTeam(caseId, List.of(Map.of("kind", "PARTNER", "name", "Ірина Мельник, ювенальна поліція",
                        "specialty", "інспекторка")))
                .then().statusCode(200)
                .body("team", hasSize(1))
                .body("team[0].kind", equalTo("PARTNER"))
                .body("team[0].name", equalTo("Ірина Мельник, ювенальна поліція"))
                .body("team[0].username", nullValue());
        as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline").then()
                .body("items.find { it.type == 'TEAM_CHANGED' }.details.members", hasItem("Ірина Мельник, ювенальна поліція"));
        // Recording a member grants nobody reach.
        as(MANAGER1_VINNYTSIA).get("/cases/" + caseId).then().statusCode(404);
        as(MANAGER2_POLTAVA).get("/cases/" + caseId).then().statusCode(404);
    }
}
