package ua.social.reporting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import ua.social.messaging.AfterCommit;
import ua.social.messaging.EventTopics;
import ua.social.messaging.EventConsumers;
import ua.social.messaging.TopicConsumer;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.projection.EventProjector;

import java.util.Optional;

/**
 * Feeds the read models from {@code case.events} and {@code referral.events} with one batched
 * {@link TopicConsumer} (the events of a poll applied in one transaction) in the group {@code consumer_state} names. Every few seconds it compares that
 * group with the one it reads: when a replay (on this or another instance) moved to a new group, it
 * closes the old consumer and reads the topics again from their beginning in the new one.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ReportingConfig config;
    @Inject
    EventTopics topics;
    @Inject
    ConsumerStates states;
    @Inject
    EventProjector projector;
    @Inject
    KafkaOffsets offsets;
    @Inject
    MeterRegistry registry;
    @Inject
    EventConsumers consumers;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private TopicConsumer consumer;
    private ConsumerStates.State reading;
    private Counter applied;

    void onStart(@Observes StartupEvent event) {
        applied = registry.counter("reporting.events.applied");
        followReplays();
    }

    @Scheduled(every = "${reporting.consumer.sync-interval:2s}", delayed = "${reporting.consumer.sync-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followReplays() {
        if (!config.consumer().enabled()) {
            return;
        }
        try {
            sync();
        } catch (RuntimeException e) {
            // the database is not reachable yet: the next round tries again
            LOG.warnf("cannot start consuming yet: %s", e.getMessage());
        }
    }

    /** Starts consuming, or switches to the group a replay chose. */
    public synchronized void sync() {
        ConsumerStates.State state = states.ensureGroup(config.consumer().groupPrefix());
        if (consumer != null && state.equals(reading)) {
            return;
        }
        ConsumerStates.State previous = reading;
        stop();
        int generation = state.generation();
        // batched: the events of a poll are applied at once in one transaction, one by one only when that
        // fails (see TopicConsumer)
        consumer = consumers.start(state.groupId(), topics.both(), event -> {
            if (EventProjector.counts(event.type()) && projector.apply(generation, event)) {
                countWhenCommitted(1);
            }
        }, events -> countWhenCommitted(projector.applyAll(generation, events)));
        reading = state;
        LOG.infof("reading %s in consumer group %s (generation %d)", topics.both(), state.groupId(),
                generation);
        if (previous != null && !previous.groupId().equals(state.groupId())) {
            offsets.deleteGroup(previous.groupId());
        }
    }

    /** Counts applied events once their transaction (the batch's, or the event's own) has committed. */
    private void countWhenCommitted(int events) {
        if (events == 0) {
            return;
        }
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            applied.increment(events);
            return;
        }
        AfterCommit.run(transactions, () -> applied.increment(events));
    }

    /** The group this instance reads in, if it reads. */
    public synchronized Optional<ConsumerStates.State> reading() {
        return consumer == null ? Optional.empty() : Optional.of(reading);
    }

    private void stop() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    /** Before {@link KafkaOffsets} closes its admin client (lower priority runs first). */
    synchronized void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stop();
        if (reading != null && config.consumer().deleteGroupOnStop()) {
            offsets.deleteGroup(reading.groupId());
        }
    }
}
