package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The dashboard's files and sign-in settings need no token; the API behind them does. */
@QuarkusTest
class DashboardTest {

    @Test
    void staticFilesAreServedWithoutAToken() {
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("chart-services")).body(containsString("app.js"));
        given().get("/dashboard/app.js").then().statusCode(200).body(containsString("code_challenge_method"));
        given().get("/dashboard/dashboard.css").then().statusCode(200);
    }

    @Test
    void signInSettingsNameThePublicClientAndTheRealm() {
        given().get("/dashboard-api/config").then().statusCode(200)
                .body("clientId", equalTo("ministry-dashboard"))
                .body("realm", equalTo("social-services"))
                .body("authorizationEndpoint", endsWith("/realms/social-services/protocol/openid-connect/auth"))
                .body("minCount", equalTo(5))
                .body("oblasts.code", hasItem("UA-53"))
                .body("categories.code", hasItem("INTERNALLY_DISPLACED"));
    }

    @Test
    void theTokenRelayChecksItsInputAndPassesKeycloaksAnswerOn() {
        given().contentType("application/x-www-form-urlencoded").formParam("code", "abc")
                .formParam("code_verifier", "short").formParam("redirect_uri", "http://localhost:1/dashboard/")
                .post("/dashboard-api/token").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code_verifier"));
        given().contentType("application/x-www-form-urlencoded").formParam("code", "not-a-real-code")
                .formParam("code_verifier", "a".repeat(64)).formParam("redirect_uri", "http://localhost:1/dashboard/")
                .post("/dashboard-api/token").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/sign-in-failed"));
    }

    @Test
    void theApiStaysProtected() {
        given().get("/statistics").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }
}
