package ua.social.identity.hardening;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker that keeps a production service from starting with the local platform's demo secrets. */
@Tag("fast")
class DemoSecretsTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void everyDemoSecretAndPasswordIsNamedAndNothingElse() {
        SmallRyeConfig c = config(Map.of(
                "quarkus.datasource.password", "case_service-local",
                "case.staff-directory.client-secret", "case-service-secret",
                "reporting.pseudonym-key", "reporting-local-demo-pseudonym-key",
                "KEYCLOAK_ADMIN_PASSWORD", "admin",
                "quarkus.oidc.credentials.secret", "s3cr3t-from-the-vault-9f8e7d",
                "quarkus.http.host", "admin",
                "referral.api-keys.rotation-grace", "24H"));
        assertEquals(List.of("KEYCLOAK_ADMIN_PASSWORD", "case.staff-directory.client-secret",
                "quarkus.datasource.password", "reporting.pseudonym-key"), DemoSecrets.violations(c));
    }

    @Test
    void aStartWithDemoSecretsFailsWithAMessageNamingTheSetting() {
        SmallRyeConfig c = config(Map.of("quarkus.datasource.password", "referral_service-local"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoSecrets.check(c, false));
        assertTrue(e.getMessage().contains("quarkus.datasource.password"), e.getMessage());
        assertTrue(e.getMessage().contains("PLATFORM_DEMO_SECRETS_ALLOWED"), e.getMessage());
        assertDoesNotThrow(() -> DemoSecrets.check(c, true));
    }

    @Test
    void realSecretsPass() {
        SmallRyeConfig c = config(Map.of("quarkus.datasource.password", "Vq8!x2-long-random",
                "case.staff-directory.client-secret", "0c1f9b6e-2d47-4c2b-9c59-6f1d2a7b8e90"));
        assertDoesNotThrow(() -> DemoSecrets.check(c, false));
        assertFalse(DemoSecrets.isDemoValue("Vq8!x2-long-random"));
    }
}
