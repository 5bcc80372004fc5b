package ua.social.reporting.support;

import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import ua.social.contracts.testing.EventSchemas;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The simulated world of this test run, published once per JVM to case.events and referral.events as
 * real CloudEvents (binary mode), every event validated against its schema in docs/events first. A few
 * events go out twice with the same ce_id, as a redelivering relay would send them.
 */
public final class TestData {

    private static final Logger LOG = Logger.getLogger(TestData.class);
    public static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private static World world;
    private static Map<String, Long> lastOffsets;
    private static int duplicates;

    private TestData() {
    }

    /** The world, published and fully consumed by the service under test. */
    public static synchronized World world() {
        if (world == null) {
            long seed = new Random().nextLong();
            LOG.infof("generating the test world with seed %d", seed);
            World w = World.generate(seed, DemoUsers.POLTAVA_HROMADA);
            validate(w);
            lastOffsets = publish(w);
            world = w;
        }
        awaitConsumed();
        return world;
    }

    public static int duplicatesSent() {
        return duplicates;
    }

    private static void validate(World w) {
        List<String> problems = new ArrayList<>();
        for (World.Event e : w.events) {
            Set<ValidationMessage> messages = EventSchemas.validate(e.type(), e.data());
            if (!messages.isEmpty()) {
                problems.add(e.type() + " " + e.data() + ": " + messages);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " generated events break their schema, e.g. "
                    + problems.subList(0, Math.min(3, problems.size())));
        }
    }

    private static Map<String, Long> publish(World w) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<String, Long> last = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            int i = 0;
            for (World.Event e : w.events) {
                sent.add(producer.send(record(e)));
                if (++i % 23 == 0) {
                    // the same event again, same ce_id: must be counted once
                    sent.add(producer.send(record(e)));
                    duplicates++;
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                RecordMetadata m = f.get();
                last.merge(m.topic() + ":" + m.partition(), m.offset(), Math::max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing the test events failed", e);
        }
        LOG.infof("published %d events (%d duplicates) up to offsets %s", w.events.size(), duplicates, last);
        return last;
    }

    private static ProducerRecord<String, String> record(World.Event e) {
        ProducerRecord<String, String> r = new ProducerRecord<>(e.topic(), e.key(), e.data().toString());
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", e.id());
        header(r, "ce_type", e.type());
        header(r, "ce_source", e.source());
        header(r, "ce_time", e.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(r, "ce_subject", e.subject());
        header(r, "content-type", "application/json");
        return r;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the service's consumer group has committed past every event this run published. */
    public static void awaitConsumed() {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> partitions = given().header("Authorization", Tokens.bearer(DemoUsers.ADMIN))
                    .get("/admin/consumer").then().statusCode(200).extract().path("partitions");
            for (Map.Entry<String, Long> want : lastOffsets.entrySet()) {
                boolean done = partitions.stream().anyMatch(pp ->
                        want.getKey().equals(pp.get("topic") + ":" + pp.get("partition"))
                                && pp.get("committedOffset") != null
                                && ((Number) pp.get("committedOffset")).longValue() > want.getValue());
                if (!done) {
                    return false;
                }
            }
            return true;
        });
    }
}
