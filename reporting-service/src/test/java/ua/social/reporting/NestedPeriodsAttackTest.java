package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.support.Attacker;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the default {@code reporting.statistics.nested-periods=months} protects against (docs/adr/0011, "Nested
 * periods"): with {@code own}, each period protected on its own, the attack of
 * {@link NestedAttackTest#quarterAndItsMonths} (every answer of a quarter and its months, with the sums over
 * time) recovers withheld counts that add up over time, the residual the definitions page describes.
 */
@QuarkusTest
@TestProfile(NestedPeriodsAttackTest.Own.class)
class NestedPeriodsAttackTest {

    /** The service with each period protected on its own. */
    public static class Own implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.statistics.nested-periods", "own");
        }
    }

    @Inject
    ReportingConfig config;

    @Test
    void withEachPeriodOnItsOwnAQuarterMinusItsMonthsRevealsCountsThatAddUpOverTime() {
        assertEquals(ReportingConfig.NestedPeriods.OWN, config.statistics().nestedPeriods());
        List<String> recovered = NestedAttackTest.quarterAndItsMonths(LocalDate.of(2019, 4, 1)).recovered();
        assertFalse(recovered.isEmpty(), "the residual that reporting.statistics.nested-periods=months closes");
        assertTrue(recovered.stream().anyMatch(q -> Attacker.TABLES_ADDING_UP_OVER_TIME.contains(q.split("\\|")[2])),
                "a count that adds up over time among the recovered: " + recovered);
    }
}
