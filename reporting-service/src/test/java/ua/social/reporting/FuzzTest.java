package ua.social.reporting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.Fuzz;
import ua.social.identity.testing.RowCounts;

import java.time.Duration;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of reporting-service that takes parameters or a body (the statistics filters above all), fuzzed
 * from its OpenAPI document (see {@link Fuzz}): never a 5xx, every 4xx a problem naming the parameter, nothing
 * stored by a refused request.
 */
@QuarkusTest
class FuzzTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noInputAnswers5xxOrStoresAnythingWhenRefused() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(AuthorizationMatrixTest::noReplayRunning);
        Fuzz.Report report = Fuzz.run(new Fuzz.Target("reporting-service", AuthorizationMatrixTest.recipes(),
                AuthorizationMatrixTest.keys(), null,
                // the read models and the consumer's own bookkeeping, which the event consumers write on their own
                RowCounts.of(dataSource, Set.of("processed_event", "consumer_state", "rm_contact", "rm_contact_group",
                        "rm_case", "rm_case_group", "rm_case_change", "rm_case_interval", "rm_service",
                        "rm_referral_change")), Set.of()));
        assertTrue(Fuzz.narrowed() || report.operations() >= 5, report.summary());
        assertEquals(report.operations() * Fuzz.inputsPerOperation(), report.inputs(), report.summary());
        assertTrue(report.failures().isEmpty(), report.summary() + "\n" + String.join("\n", report.failures()));
    }
}
