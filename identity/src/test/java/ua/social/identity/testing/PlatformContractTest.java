package ua.social.identity.testing;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service of the platform must do, run by each service as a {@code @QuarkusTest}
 * subclass against the real Keycloak, PostgreSQL and Kafka: identity from real tokens,
 * problem+json for 401, health with database and Kafka, and the OpenAPI description.
 */
public abstract class PlatformContractTest {

    /** The title the service's OpenAPI document must carry. */
    protected abstract String expectedApiTitle();

    @Test
    void meWithoutTokenIs401Problem() {
        given().when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthenticated"))
                .body("type", containsString("/problems/unauthenticated"));
    }

    @Test
    void forgedTokenIs401Problem() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aValidTokenMeantForAnotherAudienceIs401Problem() {
        // Signed by the realm, but issued to the referral-service client for itself: aud is "account".
        String foreign = Tokens.clientCredentials("referral-service", "referral-service-secret");
        given().header("Authorization", "Bearer " + foreign)
                .when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void staffTokensCarryThisServicesAudienceAndTheServiceChecksIt() {
        String audience = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.token.audience", String.class);
        org.junit.jupiter.api.Assertions.assertTrue(Tokens.claims(Tokens.of(DemoUsers.MANAGER1_POLTAVA))
                .getList("aud").contains(audience), "platform-cli tokens must carry the audience " + audience);
    }

    @Test
    void theProductionProfileRefusesToStartWithItsDemoDefaults() {
        org.junit.jupiter.api.Assertions.assertFalse(ProductionDefaults.demoSecretsAllowed());
        java.util.List<String> refused = ProductionDefaults.refusedSettings();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("quarkus.datasource.password"), refused.toString());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ua.social.identity.hardening.DemoSecrets.check(ProductionDefaults.config(), false));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("quarkus.datasource.password"));
    }

    @Test
    void meShowsRolesAndJurisdictionFromTheToken() {
        given().header("Authorization", Tokens.bearer(DemoUsers.MANAGER1_POLTAVA))
                .when().get("/me")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("username", equalTo(DemoUsers.MANAGER1_POLTAVA))
                .body("displayName", equalTo("Олена Коваленко"))
                .body("roles", hasItem("case-manager"))
                .body("oblast", equalTo(DemoUsers.POLTAVA_OBLAST))
                .body("hromada", equalTo(DemoUsers.POLTAVA_HROMADA))
                .body("id", notNullValue());
    }

    @Test
    void ministryAnalystHasNoCommunity() {
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .when().get("/me")
                .then().statusCode(200)
                .body("roles", hasItem("ministry-analyst"))
                .body("hromada", equalTo(null));
    }

    @Test
    void readinessIncludesDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(containsString("Database"), containsString("Kafka")));
    }

    @Test
    void openApiDescribesTheServiceAndBothSecuritySchemes() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(expectedApiTitle()))
                .body("info.version", notNullValue())
                .body("info.description", notNullValue())
                .body("components.securitySchemes.keycloak.scheme", equalTo("bearer"))
                .body("components.securitySchemes.partnerApiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.partnerApiKey.in", equalTo("header"))
                .body("tags.name", hasItem("Identity"));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().header("Authorization", Tokens.bearer(DemoUsers.MANAGER1_POLTAVA))
                .when().get("/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void swaggerUiAuthorizeOffersOnlyTheBearerTokenAndThePartnerKey() {
        Map<String, Object> schemes = openApi().getMap("components.securitySchemes");
        assertEquals(List.of("keycloak", "partnerApiKey"), schemes.keySet().stream().sorted().toList(),
                "no automatic OpenID Connect scheme whose flows hide the bearer field");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySecuredOperationAsksForTheBearerTokenOrThePartnerKey() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
            if (security == null) {
                return;
            }
            List<String> names = security.stream().flatMap(r -> r.keySet().stream()).toList();
            boolean partnerApi = path.startsWith("/partner/");
            if (names.isEmpty() || !List.of("keycloak", "partnerApiKey").containsAll(names)
                    || (partnerApi && names.contains("keycloak")) || (!partnerApi && !names.contains("keycloak"))) {
                wrong.add(method.toUpperCase() + " " + path + " " + names);
            }
        });
        assertTrue(wrong.isEmpty(), "operations asking for the wrong scheme: " + wrong);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedResponseBodyHasASchema() {
        List<String> empty = new ArrayList<>();
        forEachOperation((path, method, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (content != null) {
                    content.forEach((type, media) -> {
                        Object schema = media.get("schema");
                        if (schema == null || (schema instanceof Map<?, ?> m && m.isEmpty())) {
                            empty.add(method.toUpperCase() + " " + path + " " + status + " " + type);
                        }
                    });
                }
            });
        });
        assertTrue(empty.isEmpty(), "responses documented without a schema: " + empty);
    }

    /** The service's OpenAPI document as JSON. */
    protected static JsonPath openApi() {
        return given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
    }

    private interface OperationVisitor {
        void visit(String path, String method, Map<String, Object> operation);
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(OperationVisitor visitor) {
        Map<String, Map<String, Object>> paths = openApi().getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.containsKey("responses")) {
                visitor.visit(path, method, (Map<String, Object>) op);
            }
        }));
    }
}
