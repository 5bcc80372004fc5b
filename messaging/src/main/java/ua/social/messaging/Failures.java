package ua.social.messaging;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure of the environment (the database unreachable or restarting, a lock or serialization
 * conflict) from a failure of the event itself. An event that failed because of its environment is
 * retried for as long as it takes; only one that fails on its own merits goes to the dead-letter topic.
 */
public final class Failures {

    private Failures() {
    }

    /** True when the failure says nothing about the event: retrying later can succeed without a fix. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (transientItself(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (transientItself(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean transientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                || t instanceof SocketException || t instanceof EOFException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") // connection exception
                    || state.startsWith("53")           // insufficient resources
                    || state.startsWith("57P")          // admin shutdown, crash shutdown, cannot connect now
                    || state.equals("40001")            // serialization failure
                    || state.equals("40P01")            // deadlock detected
                    || state.equals("55P03"))) {        // lock not available
                return true;
            }
            // Agroal's pool: no connection could be had within the acquisition timeout (a new one could not be
            // made: "Acquisition timeout while waiting for new connection"; all were busy: "Sorry, acquisition
            // timeout!")
            return sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT)
                    .contains("acquisition timeout");
        }
        String name = t.getClass().getName();
        return name.equals("org.hibernate.exception.JDBCConnectionException")
                || name.equals("org.hibernate.exception.LockAcquisitionException")
                || name.equals("jakarta.persistence.OptimisticLockException")
                || name.equals("jakarta.persistence.PessimisticLockException")
                || name.equals("org.hibernate.StaleObjectStateException");
    }

    /** One line naming the failure and its root cause, for logs and dead-letter headers. */
    public static String describe(Throwable failure, int maxLength) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
