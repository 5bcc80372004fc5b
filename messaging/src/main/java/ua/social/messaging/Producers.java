package ua.social.messaging;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Properties;

/**
 * The one way this library makes a Kafka producer: every record acknowledged by all in-sync replicas,
 * idempotent, and failing within seconds when Kafka is away (so the caller rolls back or retries
 * instead of hanging). Used by the outbox relay and the dead-letter topics.
 */
final class Producers {

    private Producers() {
    }

    static KafkaProducer<String, String> acknowledged(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // The relay sends thousands of records per round and flushes once: large batches make few requests.
        // The buffer is bounded well below the default 32 MB so a service's resident memory stays small.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
