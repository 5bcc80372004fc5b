package ua.social.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The dead letters of this service, read from the {@code <topic>.dlt} topics of the topics it consumes,
 * and their re-drive: the event is applied again by the same handler as the consumer's, now, in this
 * instance. Re-driving is idempotent: an event already applied (its id is in {@code processed_event})
 * is not applied again.
 */
@ApplicationScoped
public class DeadLetters {

    /** How long a listing may read a dead-letter topic before it answers with what it has. */
    static final Duration READ_LIMIT = Duration.ofSeconds(15);

    @Inject
    EventConsumers consumers;
    @Inject
    ProcessedEvents processed;

    /** One dead letter: where it came from, why it was given up, and whether it has been applied since. */
    public record DeadLetter(String id, String eventId, String type, String subject, String key,
                             String originalTopic, int originalPartition, long originalOffset,
                             String consumer, String error, int attempts, String failedAt, boolean applied) {
    }

    public enum Outcome { APPLIED, ALREADY_APPLIED }

    /** The result of a re-drive. */
    public record Redrive(String id, String eventId, Outcome outcome) {
    }

    /** Every dead letter this service wrote, oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : consumers.topics()) {
            for (ConsumerRecord<String, String> r : readAll(DeadLetterTopic.of(topic))) {
                if (consumers.application().equals(header(r, DeadLetterTopic.SERVICE))) {
                    all.add(view(r));
                }
            }
        }
        all.sort(Comparator.comparing(DeadLetter::failedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    public DeadLetter get(String id) {
        return view(find(id));
    }

    /** Applies the dead-lettered event again; 422 when it still cannot be applied. */
    public Redrive redrive(String id) {
        ConsumerRecord<String, String> r = find(id);
        String originalTopic = header(r, DeadLetterTopic.ORIGINAL_TOPIC);
        Consumer<CloudEvent> handler = consumers.handler(originalTopic).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        CloudEvent event;
        try {
            event = CloudEvent.of(r).at(originalTopic, intHeader(r, DeadLetterTopic.ORIGINAL_PARTITION),
                    longHeader(r, DeadLetterTopic.ORIGINAL_OFFSET));
        } catch (IllegalArgumentException e) {
            throw stillFailing(id, e);
        }
        if (processed.seen(event.id())) {
            return new Redrive(id, event.id(), Outcome.ALREADY_APPLIED);
        }
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            throw stillFailing(id, e);
        }
        return new Redrive(id, event.id(), Outcome.APPLIED);
    }

    private static ProblemException stillFailing(String id, Exception e) {
        return new ProblemException(Problem.of(422, "dead-letter-still-failing", "The event still cannot be applied",
                "Dead letter " + id + " failed again: " + Failures.describe(e, 1000)
                        + ". It stays in the dead-letter topic; re-drive it after the fix.").with("deadLetterId", id));
    }

    private DeadLetter view(ConsumerRecord<String, String> r) {
        String eventId = header(r, "ce_id");
        return new DeadLetter(r.topic() + ":" + r.partition() + ":" + r.offset(), eventId, header(r, "ce_type"),
                header(r, "ce_subject"), r.key(), header(r, DeadLetterTopic.ORIGINAL_TOPIC),
                intHeader(r, DeadLetterTopic.ORIGINAL_PARTITION), longHeader(r, DeadLetterTopic.ORIGINAL_OFFSET),
                header(r, DeadLetterTopic.CONSUMER), header(r, DeadLetterTopic.ERROR),
                intHeader(r, DeadLetterTopic.ATTEMPTS), header(r, DeadLetterTopic.FAILED_AT),
                eventId != null && processed.seen(eventId));
    }

    /** The dead letter of this service with the id {@code <dlt topic>:<partition>:<offset>}, or 404. */
    private ConsumerRecord<String, String> find(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3 || !parts[0].endsWith(DeadLetterTopic.SUFFIX) || !parts[1].matches("\\d{1,4}")
                || !parts[2].matches("\\d{1,18}")) {
            throw ProblemException.notFound("Dead letter " + id);
        }
        String topic = parts[0];
        String original = topic.substring(0, topic.length() - DeadLetterTopic.SUFFIX.length());
        if (consumers.handler(original).isEmpty()) {
            throw ProblemException.notFound("Dead letter " + id);
        }
        TopicPartition tp = new TopicPartition(topic, Integer.parseInt(parts[1]));
        long offset = Long.parseLong(parts[2]);
        try (KafkaConsumer<String, String> c = reader()) {
            if (partitions(c, topic).stream().noneMatch(p -> p.partition() == tp.partition())) {
                throw ProblemException.notFound("Dead letter " + id);
            }
            c.assign(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            if (offset >= end) {
                throw ProblemException.notFound("Dead letter " + id);
            }
            c.seek(tp, offset);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() == offset && consumers.application().equals(header(r, DeadLetterTopic.SERVICE))) {
                        return r;
                    }
                    if (r.offset() >= offset) {
                        throw ProblemException.notFound("Dead letter " + id);
                    }
                }
            }
        }
        throw ProblemException.notFound("Dead letter " + id);
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = reader()) {
            List<TopicPartition> tps = partitions(c, topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (tps.isEmpty()) {
                return out;
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private static List<PartitionInfo> partitions(KafkaConsumer<String, String> c, String topic) {
        Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(10));
        return Optional.ofNullable(topics.get(topic)).orElse(List.of());
    }

    private KafkaConsumer<String, String> reader() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, consumers.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, consumers.application() + "-dead-letter-reader");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int intHeader(ConsumerRecord<String, String> r, String name) {
        String v = header(r, name);
        return v == null ? -1 : Integer.parseInt(v);
    }

    private static long longHeader(ConsumerRecord<String, String> r, String name) {
        String v = header(r, name);
        return v == null ? -1 : Long.parseLong(v);
    }
}
