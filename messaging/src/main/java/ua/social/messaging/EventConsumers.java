package ua.social.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Starts a service's {@link TopicConsumer}s with the platform's retry and dead-letter policy
 * ({@code platform.consumer.*}), keeps the handler of each consumed topic for re-driving dead letters,
 * and publishes the consumers' metrics on {@code /q/metrics}:
 * {@code platform_events_dead_lettered_total{topic}} and {@code platform_consumer_lag{topic,partition}}.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    static final String DEAD_LETTERED = "platform.events.dead.lettered";
    static final String LAG = "platform.consumer.lag";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String application;
    @ConfigProperty(name = "platform.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;
    @ConfigProperty(name = "platform.consumer.first-backoff", defaultValue = "500ms")
    Duration firstBackoff;
    @ConfigProperty(name = "platform.consumer.max-backoff", defaultValue = "10s")
    Duration maxBackoff;
    // 1,000: a poll's events (their JSON trees, records and SQL arrays) then die young in a 192 MB heap. With
    // 5,000 they outlived the young generation: replaying the 1 M-case bench's 8.6 M records, reporting-service
    // spent 23 % of its time in GC (130 full collections in 2 minutes) at 14,000 records/s, against 9 % and
    // 17,000/s with 1,000 (performance.md).
    @ConfigProperty(name = "platform.consumer.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    Tracer tracer;

    private final Map<String, Consumer<CloudEvent>> handlers = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private volatile DeadLetterTopic deadLetters;

    /** Starts reading the topics in the consumer group; {@code handler} applies one event. */
    public TopicConsumer start(String groupId, List<String> topics, Consumer<CloudEvent> handler) {
        return start(groupId, topics, handler, null);
    }

    /**
     * Starts reading the topics in the consumer group; {@code handler} applies one event in a transaction of
     * its own. With a {@code batchHandler}, the events of a poll (up to {@code platform.consumer.batch-size})
     * are applied by it at once in one transaction, and by {@code handler} one by one only when that batch
     * fails; see {@link TopicConsumer}.
     */
    public TopicConsumer start(String groupId, List<String> topics, Consumer<CloudEvent> handler,
                               Consumer<List<CloudEvent>> batchHandler) {
        boolean batched = batchHandler != null;
        for (String topic : topics) {
            handlers.put(topic, handler);
            deadLetteredCounter(topic);
        }
        TopicConsumer.Retry retry = new TopicConsumer.Retry(maxAttempts, firstBackoff, maxBackoff);
        TopicConsumer.Transactor transactor = batched ? work -> QuarkusTransaction.requiringNew().run(work) : null;
        return new TopicConsumer(bootstrapServers, groupId, topics, handler, retry, deadLetterTopic(),
                this::databaseAnswers, observer(), tracer, transactor, batchHandler, batched ? batchSize : 200).start();
    }

    /** The handler that applies events of this topic in this service, if it consumes the topic. */
    public Optional<Consumer<CloudEvent>> handler(String topic) {
        return Optional.ofNullable(handlers.get(topic));
    }

    /** The topics this service consumes. */
    public List<String> topics() {
        return handlers.keySet().stream().sorted().toList();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String application() {
        return application;
    }

    private Counter deadLetteredCounter(String topic) {
        return Counter.builder(DEAD_LETTERED)
                .description("Events moved to <topic>.dlt because they could not be applied")
                .tags("topic", topic).register(registry);
    }

    private TopicConsumer.Observer observer() {
        return new TopicConsumer.Observer() {
            @Override
            public void deadLettered(String topic, String consumerGroup) {
                deadLetteredCounter(topic).increment();
            }

            @Override
            public void lag(TopicPartition partition, long lag) {
                lags.computeIfAbsent(partition, tp -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(LAG, value, AtomicLong::get)
                            .description("Records of the partition this instance has not applied yet")
                            .tags(Tags.of("topic", tp.topic(), "partition", Integer.toString(tp.partition())))
                            .register(registry);
                    return value;
                }).set(lag);
            }

            @Override
            public void revoked(TopicPartition partition) {
                if (lags.remove(partition) != null) {
                    Gauge g = registry.find(LAG).tags("topic", partition.topic(),
                            "partition", Integer.toString(partition.partition())).gauge();
                    if (g != null) {
                        registry.remove(g);
                    }
                }
            }
        };
    }

    /** Asked before an event is dead-lettered: a failure while the database does not answer is not the event's. */
    boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("database check failed: %s", e.getMessage());
            return false;
        }
    }

    private DeadLetterTopic deadLetterTopic() {
        if (deadLetters == null) {
            synchronized (this) {
                if (deadLetters == null) {
                    deadLetters = new DeadLetterTopic(bootstrapServers, application, clock);
                }
            }
        }
        return deadLetters;
    }

    /** After the services closed their consumers (they observe shut-down with the default priority). */
    void close(@Observes @Priority(5000) ShutdownEvent ev) {
        if (deadLetters != null) {
            deadLetters.close();
        }
    }
}
