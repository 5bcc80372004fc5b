package ua.social.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event into the outbox in the caller's transaction: the event exists exactly when the
 * change it describes was committed. {@link OutboxRelay} publishes it as a CloudEvent (binary mode)
 * with {@code ce_source = /<application name>}, and with the trace context of the request that wrote
 * it ({@code ce_traceparent}), so the consumer continues the same trace. When the transaction commits, the
 * relay is woken ({@link OutboxSignal}) and publishes at once rather than at its next poll.
 */
@ApplicationScoped
public class EventOutbox {

    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxSignal signal;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /**
     * @param topic   the owning service's topic
     * @param type    the CloudEvents type, e.g. {@code ua.social.case.opened}
     * @param key     partition key: the case id, so one case's events stay in order
     * @param subject CloudEvents subject: the id of what the event is about
     * @param data    the event's JSON data (no personal data beyond what consumers need)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, UUID key, UUID subject, Object data) {
        publish(topic, type, key, subject, data, OffsetDateTime.now(clock));
    }

    /**
     * An event of a fact that happened at {@code occurredAt} (e.g. a historical record imported now): the
     * CloudEvent's {@code time} is that instant, not the moment it was written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String type, UUID key, UUID subject, Object data, OffsetDateTime occurredAt) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.topic = topic;
        e.eventKey = key.toString();
        e.type = type;
        e.source = "/" + application;
        e.subject = subject == null ? null : subject.toString();
        e.occurredAt = occurredAt;
        Map<String, String> trace = TraceContext.current();
        e.traceParent = trace.get(TraceContext.TRACEPARENT);
        e.traceState = trace.get(TraceContext.TRACESTATE);
        try {
            e.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event data of " + type + " is not serialisable", ex);
        }
        e.persist();
        wakeRelayAfterCommit();
    }

    /** Once per transaction: after it commits, the relay publishes what it wrote. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxSignal.class) != null) {
            return;
        }
        transactions.putResource(OutboxSignal.class, Boolean.TRUE);
        AfterCommit.run(transactions, signal::raise);
    }
}
