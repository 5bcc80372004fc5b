package ua.social.identity.problem;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, connection cut)
 * from every other database error. Only the former is answered {@code 503} with {@code Retry-After}:
 * the request may succeed unchanged once PostgreSQL is back. A constraint violation, a value too long
 * or a bad query stays what it is (a 4xx mapping or a logged 500), so real defects are not hidden.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before retrying while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /**
     * True when {@code failure}, one of its causes or a suppressed exception says the connection to the
     * database could not be made or was lost: SQLState class 08 (connection exception), 57P01
     * (admin shutdown), 57P02 (crash shutdown), 57P03 (cannot connect now: starting up or shutting
     * down), {@link SQLTransientConnectionException}, Hibernate's {@link JDBCConnectionException}, or
     * the connection pool's acquisition timeout.
     */
    public static boolean causes(Throwable failure) {
        return search(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean search(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && (connectionState(sql.getSQLState()) || poolTimeout(sql))) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (search(s, seen)) {
                return true;
            }
        }
        return search(t.getCause(), seen);
    }

    static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08")
                || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03"));
    }

    /** Agroal's "Acquisition timeout while waiting for new connection": no connection could be had in time. */
    private static boolean poolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }

    /** Seconds a client is asked to wait when every connection of the pool was busy. */
    public static final int BUSY_RETRY_AFTER_SECONDS = 2;

    /**
     * True when the request could not have a connection because all of the pool's were in use for the whole
     * acquisition timeout (Agroal's "Sorry, acquisition timeout!"): the database answers, the service has more
     * requests than connections to serve them (the 1 M-case bench's client search at 50 requests/s met it). Not
     * a defect and not the request's fault: the same request succeeds once the load is lower.
     */
    public static boolean busy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The answer when every connection was busy: 503, problem+json, a short {@code Retry-After}. */
    public static Problem busyProblem() {
        return Problem.of(503, "service-busy", "Service busy",
                        "Every database connection of this service was in use for the whole wait, so the request was "
                                + "not completed and nothing was changed. Retry after " + BUSY_RETRY_AFTER_SECONDS
                                + " seconds (with the same Idempotency-Key where the operation accepts one).")
                .retryAfter(BUSY_RETRY_AFTER_SECONDS);
    }

    /** The answer while the database is away: 503, problem+json, {@code Retry-After}. */
    public static Problem problem() {
        return Problem.of(503, "database-unavailable", "Service temporarily unavailable",
                        "The database cannot be reached right now, so the request was not completed. Retry after "
                                + RETRY_AFTER_SECONDS + " seconds (with the same Idempotency-Key where the operation accepts one).")
                .retryAfter(RETRY_AFTER_SECONDS);
    }
}
