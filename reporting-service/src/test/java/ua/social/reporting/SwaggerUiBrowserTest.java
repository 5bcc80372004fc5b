package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.SwaggerUi;
import ua.social.identity.testing.Tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Swagger UI in a real headless Chromium: a pasted Keycloak token makes Try it out work. */
@QuarkusTest
class SwaggerUiBrowserTest {

    @Test
    void analystAuthorizesWithAPastedTokenAndReadsTheStatisticsFromSwaggerUi() {
        try (SwaggerUi ui = SwaggerUi.open()) {
            SwaggerUi.Execution result = ui.authorize("keycloak", Tokens.of(DemoUsers.ANALYST))
                    .execute("get", "/statistics");
            assertEquals(200, result.status(), "Swagger UI answer: " + result.body());
            assertTrue(result.curl().contains("Authorization: Bearer "), "curl sends the token: " + result.curl());
        }
    }
}
