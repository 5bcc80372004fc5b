package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import ua.social.identity.Territory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theServiceAddressAndTheDashboardWithoutItsSlashRedirectToTheDashboard() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", equalTo("/dashboard/"));
        given().redirects().follow(false).get("/dashboard").then().statusCode(302)
                .header("Location", equalTo("/dashboard/"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/dashboard?from=2019-01-01&oblast=UA-53")
                .then().statusCode(302).header("Location", equalTo("/dashboard/?from=2019-01-01&oblast=UA-53"));
        given().redirects().follow(false).get("/dashboard/").then().statusCode(200)
                .body(containsString("Міністерська панель статистики"));
    }

    @Test
    void beforeSignInThePageSaysWhatItIsAndOffersTheSignInButton() {
        given().get("/dashboard/").then().statusCode(200)
                .body(containsString("<section id=\"welcome\">"))
                .body(containsString("Міністерська панель статистики інтегрованих соціальних послуг"))
                .body(containsString("<button type=\"button\" id=\"sign-in\">Увійти</button>"))
                .body(containsString("<main id=\"dashboard\" hidden>"))
                .body(not(containsString("Завантаження")));
    }

    @Test
    void theCommunitiesOfAnOblastComeWithTheirUkrainianNamesFromTheCodifier() {
        JsonPath poltava = given().queryParam("oblast", "UA-53").get("/dashboard-api/communities").then()
                .statusCode(200).body("oblast", everyItem(equalTo("UA-53"))).extract().jsonPath();
        assertEquals(Territory.communitiesOf("UA-53").size(), poltava.getList("code").size());
        Map<String, Object> city = poltava.getMap("find { it.code == 'UA53080370000025447' }");
        assertEquals("Полтавська", city.get("name"));
        assertEquals("Полтавська — Полтавський р-н, Полтавська обл.", city.get("label"));

        given().queryParam("oblast", "ua-53").queryParam("q", "ПОЛТАВ").get("/dashboard-api/communities").then()
                .statusCode(200).body("code", hasItem("UA53080370000025447")).body("name", everyItem(containsString("олтав")));

        List<String> labels = given().get("/dashboard-api/communities").then().statusCode(200)
                .extract().jsonPath().getList("label");
        assertEquals(Territory.communities().size(), labels.size(), "every community of the codifier");
        assertEquals(labels.size(), new HashSet<>(labels).size(), "a label names one community");
        assertTrue(labels.size() > 1400, "the codifier's communities: " + labels.size());
    }

    @Test
    void aCommunityListOfAnUnknownOblastOrWithAnOverlongSearchIsRefusedNamingTheField() {
        given().queryParam("oblast", "UA-99").get("/dashboard-api/communities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("oblast"));
        given().queryParam("oblast", "Полтавська").get("/dashboard-api/communities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("oblast"));
        given().queryParam("q", "п".repeat(101)).get("/dashboard-api/communities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
    }

    @Test
    void keycloaksLoginPageIsUkrainianByDefaultAndEnglishOnRequest() {
        String authorization = given().get("/dashboard-api/config").then().statusCode(200)
                .extract().path("authorizationEndpoint");
        Map<String, String> request = Map.of("client_id", "ministry-dashboard", "response_type", "code",
                "scope", "openid", "redirect_uri", "http://localhost:1/dashboard/", "state", "s",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256");
        // a browser asking for a language the realm does not offer gets the realm's default, which offers English
        given().header("Accept-Language", "de-DE,de;q=0.9").queryParams(request).get(authorization).then()
                .statusCode(200).body(containsString("lang=\"uk\"")).body(containsString("Увійти"))
                .body(containsString("(English)")).body(not(containsString("Sign in")));
        given().header("Accept-Language", "de-DE,de;q=0.9").queryParams(request).queryParam("ui_locales", "en")
                .get(authorization).then()
                .statusCode(200).body(containsString("lang=\"en\"")).body(containsString("Sign in"));
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
