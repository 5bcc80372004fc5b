package ua.social.messaging;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry rules of the consumers, without Kafka: backoff steps and which failures are the event's own. */
@Tag("fast")
class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheFirstWaitUpToTheMaximum() {
        TopicConsumer.Retry retry = new TopicConsumer.Retry(5, Duration.ofMillis(500), Duration.ofSeconds(30));
        assertEquals(500, retry.backoffMillis(1));
        assertEquals(1000, retry.backoffMillis(2));
        assertEquals(4000, retry.backoffMillis(4));
        assertEquals(30000, retry.backoffMillis(7));
        assertEquals(30000, retry.backoffMillis(1_000_000), "a long outage never overflows the wait");
        assertThrows(IllegalArgumentException.class, () -> new TopicConsumer.Retry(0, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void aDatabaseOutageOrLockConflictIsTheEnvironmentsFailureNotTheEvents() {
        assertTrue(Failures.isTransient(new RuntimeException("commit failed",
                new SQLException("Connection refused", "08001"))));
        assertTrue(Failures.isTransient(new IllegalStateException(new SQLException("terminating connection", "57P01"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))));
        assertTrue(Failures.isTransient(new RuntimeException(new ConnectException("refused"))));
        assertTrue(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(Failures.isTransient(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void aBrokenEventOrAConstraintViolationIsTheEventsOwnFailure() {
        assertFalse(Failures.isTransient(new IllegalArgumentException("Invalid UUID string: x")));
        assertFalse(Failures.isTransient(new RuntimeException(new SQLException("value too long", "22001"))));
        assertFalse(Failures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505"))));
        RuntimeException loop = new RuntimeException("self");
        loop.initCause(new IllegalStateException("cause"));
        assertFalse(Failures.isTransient(loop));
    }

    @Test
    void aFailureIsDescribedOnOneBoundedLineNamingItsRootCause() {
        String d = Failures.describe(new IllegalStateException("outer", new SQLException("inner", "23505")), 80);
        assertTrue(d.startsWith("java.lang.IllegalStateException: outer (caused by java.sql.SQLException: inner"), d);
        assertTrue(Failures.describe(new RuntimeException("x".repeat(5000)), 100).length() <= 100);
    }
}
