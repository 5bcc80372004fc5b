package ua.social.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action once the current JTA transaction has committed (never after a rollback). */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Registers {@code action} to run after the current transaction commits; the caller must be in one. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
