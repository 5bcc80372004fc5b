package ua.social.identity.problem;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database outage is answered 503 with Retry-After as problem+json; every other database error keeps
 * its own answer (409 for a concurrent unique insert, 500 for a defect), so an outage mapping never
 * hides a bug.
 */
@Tag("fast")
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static PersistenceException hibernate(SQLException cause) {
        return new PersistenceException("could not execute statement", cause);
    }

    @Test
    void aRefusedOrLostConnectionIsAnswered503WithRetryAfter() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03"}) {
            Response r = mappers.unexpected(hibernate(new SQLException("connection gone", state)));
            assertEquals(503, r.getStatus(), state);
            assertEquals("5", String.valueOf(r.getHeaderString("Retry-After")), state);
            assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString(), state);
            Problem p = (Problem) r.getEntity();
            assertTrue(p.type.toString().endsWith("/database-unavailable"), state);
            assertEquals(5, p.extensions().get("retryAfterSeconds"), state);
        }
    }

    @Test
    void thePoolsAcquisitionTimeoutAndHibernatesConnectionExceptionAreOutagesToo() {
        assertEquals(503, mappers.unexpected(new PersistenceException(new SQLException(
                "Acquisition timeout while waiting for new connection", new TimeoutException()))).getStatus());
        assertEquals(503, mappers.unexpected(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("refused"))).getStatus());
        assertEquals(503, mappers.unexpected(new RuntimeException(
                new SQLTransientConnectionException("connection is closed"))).getStatus());
    }

    @Test
    void aPoolWhoseConnectionsAreAllBusyIsAnswered503ServiceBusyNot500() {
        // Hibernate's wrapping of Agroal's exhausted pool, as case-service logged it under the 1 M-case bench
        Response r = mappers.unexpected(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection [Sorry, acquisition timeout!] [n/a]",
                new SQLException("Sorry, acquisition timeout!")));
        assertEquals(503, r.getStatus());
        assertEquals("2", String.valueOf(r.getHeaderString("Retry-After")));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        Problem p = (Problem) r.getEntity();
        assertTrue(p.type.toString().endsWith("/service-busy"), p.type.toString());
        assertFalse(DatabaseUnavailable.causes(new SQLException("Sorry, acquisition timeout!")),
                "a busy pool is not an outage");
        // any other SQLException without a state is still a defect: a logged 500
        assertEquals(500, mappers.unexpected(new PersistenceException(new SQLException("syntax"))).getStatus());
    }

    @Test
    void aFailedCommitWhoseSuppressedCauseIsALostConnectionIsAnOutage() {
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseUnavailable.causes(commit));
    }

    @Test
    void anApiKeyThatCouldNotBeCheckedBecauseTheDatabaseIsAwayIs503Not401() {
        Response r = mappers.authenticationFailed(new AuthenticationFailedException(
                hibernate(new SQLException("Connection refused", "08001"))));
        assertEquals(503, r.getStatus());
        assertEquals("5", String.valueOf(r.getHeaderString("Retry-After")));
        assertEquals(401, mappers.authenticationFailed(new AuthenticationFailedException("unknown key")).getStatus());
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        // a defect: value too long, missing column, bad syntax
        for (String state : new String[] {"22001", "42703", "42601", "40001", "53300"}) {
            assertFalse(DatabaseUnavailable.causes(hibernate(new SQLException("defect", state))), state);
        }
        assertEquals(500, mappers.unexpected(hibernate(new SQLException("value too long", "22001"))).getStatus());
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug")).getStatus());
        // a concurrent insert of the same unique value stays 409
        assertEquals(409, mappers.unexpected(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "uk")).getStatus());
    }
}
