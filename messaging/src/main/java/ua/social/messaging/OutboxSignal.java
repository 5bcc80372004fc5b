package ua.social.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Tells the {@link OutboxRelay} of this instance that a transaction which wrote outbox rows has committed,
 * so it publishes them now instead of at its next poll. {@link EventOutbox} raises it after the commit
 * (a JTA synchronization); the relay waits on it with its poll interval as the fallback (rows written by
 * another instance, or in bulk with SQL, are found by the poll).
 */
@ApplicationScoped
public class OutboxSignal {

    private boolean raised;

    /** An outbox write committed: wake the relay. */
    public synchronized void raise() {
        raised = true;
        notifyAll();
    }

    /**
     * Waits until the signal is raised or {@code millis} pass, and lowers it.
     *
     * @return true when it was raised
     */
    synchronized boolean await(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long left;
        while (!raised && (left = until - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        boolean was = raised;
        raised = false;
        return was;
    }
}
