package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ReferenceDataTest {

    @Test
    void withoutTokenIs401Problem() {
        given().when().get("/reference-data")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void ministryAnalystIsForbiddenOnCaseApis() {
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .when().get("/reference-data")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void frontOfficeGetsAllListsWithUkrainianAndEnglishLabels() {
        given().header("Authorization", Tokens.bearer(DemoUsers.INTAKE_POLTAVA))
                .when().get("/reference-data")
                .then().statusCode(200)
                .body("oblasts", hasSize(27))
                .body("oblasts.find { it.code == 'UA-53' }.uk", equalTo("Полтавська область"))
                .body("oblasts.find { it.code == 'UA-53' }.en", equalTo("Poltava Oblast"))
                .body("service-categories.code", hasItems("INFORMATION", "MATERIAL_ECONOMIC", "PSYCHOLOGICAL",
                        "EDUCATIONAL", "HOUSING", "MEDICAL", "LEGAL", "PROTECTION_AND_SAFETY", "EMPLOYMENT"))
                .body("vulnerable-groups.code", hasItems("INTERNALLY_DISPLACED", "DISABILITY", "VETERAN_OR_FAMILY"))
                .body("need-domains.code", hasItems("HOUSING", "EMPLOYMENT", "DOCUMENTS_AND_LEGAL"))
                .body("team-arrangements", hasSize(3));
    }

    @Test
    void caseManagementModelsCarryTheirCaseloadLimits() {
        given().header("Authorization", Tokens.bearer(DemoUsers.MANAGER1_VINNYTSIA))
                .when().get("/reference-data/case-management-models")
                .then().statusCode(200)
                .body("find { it.code == 'CLINICAL' }.attributes.caseloadLimit", equalTo(10))
                .body("find { it.code == 'INTENSIVE' }.attributes.caseloadLimit", equalTo(15))
                .body("find { it.code == 'STRENGTHS_BASED' }.attributes.caseloadLimit", equalTo(15))
                .body("find { it.code == 'BROKERAGE' }.attributes.caseloadLimit", equalTo(35))
                .body("find { it.code == 'INTENSIVE' }.uk", equalTo("Модель інтенсивного втручання"));
    }

    @Test
    void unknownListIs404Problem() {
        given().header("Authorization", Tokens.bearer(DemoUsers.SUPERVISOR_POLTAVA))
                .when().get("/reference-data/planets")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Reference list 'planets' was not found or is outside your reach"));
    }
}
