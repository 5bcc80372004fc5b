package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.SwaggerUi;
import ua.social.identity.testing.Tokens;
import ua.social.referral.support.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Swagger UI in a real headless Chromium: staff operations work with a pasted Keycloak token,
 * the partner API with a pasted X-API-Key.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    @Test
    void adminAuthorizesWithAPastedTokenAndSearchesTheDirectoryFromSwaggerUi() {
        try (SwaggerUi ui = SwaggerUi.open()) {
            SwaggerUi.Execution result = ui.authorize("keycloak", Tokens.of(DemoUsers.ADMIN))
                    .execute("get", "/partners");
            assertEquals(200, result.status(), "Swagger UI answer: " + result.body());
            assertTrue(result.curl().contains("Authorization: Bearer "), "curl sends the token: " + result.curl());
        }
    }

    @Test
    void partnerAuthorizesWithItsApiKeyAndListsItsReferralsFromSwaggerUi() {
        String key = Api.issueKey(Api.newPartner("LEGAL_AID", "LEGAL").partnerId());
        try (SwaggerUi ui = SwaggerUi.open()) {
            SwaggerUi.Execution result = ui.authorize("partnerApiKey", key).execute("get", "/partner/referrals");
            assertEquals(200, result.status(), "Swagger UI answer: " + result.body());
            assertTrue(result.curl().contains("X-API-Key: " + key), "curl sends the key: " + result.curl());
            assertTrue(!result.curl().contains("Authorization"), "no bearer on the partner API: " + result.curl());
        }
    }
}
