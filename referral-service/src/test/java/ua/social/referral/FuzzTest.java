package ua.social.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.Fuzz;
import ua.social.identity.testing.RowCounts;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of referral-service that takes a body or parameters, staff and partner alike, fuzzed from its
 * OpenAPI document (see {@link Fuzz}): never a 5xx, every 4xx a problem naming the field, nothing stored by a
 * refused request. Partner operations renew their key every few requests, under the per-key rate limit.
 */
@QuarkusTest
class FuzzTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noInputAnswers5xxOrStoresAnythingWhenRefused() {
        AuthorizationMatrixTest.Fixture f = AuthorizationMatrixTest.fixture();
        Fuzz.Report report = Fuzz.run(new Fuzz.Target("referral-service", f.recipes(), f.keys(), f.freshPartnerKey(),
                // what the case.events and referral.events consumers and the webhook dispatcher write on their own, and
                // the partner rate limit's window, which counts every request of a key, admitted or refused
                RowCounts.of(dataSource, Set.of("processed_event", "case_projection", "webhook_delivery",
                        "webhook_attempt", "partner_api_key_window")), Set.of("referral_access_log")));
        assertTrue(Fuzz.narrowed() || report.operations() >= 25, report.summary());
        assertEquals(report.operations() * Fuzz.inputsPerOperation(), report.inputs(), report.summary());
        assertTrue(report.failures().isEmpty(), report.summary() + "\n" + String.join("\n", report.failures()));
    }
}
