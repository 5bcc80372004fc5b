package ua.social.cases;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.Fuzz;
import ua.social.identity.testing.RowCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;

/**
 * Every operation of case-service that takes a body or parameters, fuzzed from its OpenAPI document (see
 * {@link Fuzz}): never a 5xx, every 4xx a problem naming the field, nothing stored by a refused request.
 */
@QuarkusTest
class FuzzTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noInputAnswers5xxOrStoresAnythingWhenRefused() {
        Instant started = Instant.now();
        Fuzz.Report report;
        try {
            report = Fuzz.run(new Fuzz.Target("case-service", AuthorizationMatrixTest.recipes(),
                    AuthorizationMatrixTest.keys(), null,
                    // written on their own, after the answer: the inbox of referral events (the consumer) and the
                    // refused lines of accepted imports (their jobs run in the background)
                    RowCounts.of(dataSource, Set.of("processed_event", "import_problem")),
                    Set.of("access_log", "import_job")));
        } finally {
            AuthorizationMatrixTest.closeTheCasesThisTestOpened();
            closeTheCasesTheAcceptedInputsOpened(started);
        }
        assertTrue(Fuzz.narrowed() || report.operations() >= 40, report.summary());
        assertEquals(report.operations() * Fuzz.inputsPerOperation(), report.inputs(), report.summary());
        assertTrue(report.failures().isEmpty(), report.summary() + "\n" + String.join("\n", report.failures()));
    }

    /**
     * Inputs that were still valid opened, reopened and moved cases of the demo case managers: closed again, so
     * their caseloads stay as the other tests expect.
     */
    private void closeTheCasesTheAcceptedInputsOpened(Instant since) {
        Map<String, String> open = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, hromada from social_case where stage <> 'CLOSED' and updated_at >= ?")) {
            st.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    open.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> closure = Map.of("reason", "OTHER", "outcomeEvaluation", "Відкрито під час фазингу");
        open.forEach((id, hromada) -> as(POLTAVA_HROMADA.equals(hromada) ? SUPERVISOR_POLTAVA : SUPERVISOR_VINNYTSIA)
                .body(closure).post("/cases/" + id + "/closure"));
    }
}
