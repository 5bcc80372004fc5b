package ua.social.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Offsets of the consumed topics and of a consumer group, read with Kafka's admin client. */
@ApplicationScoped
public class KafkaOffsets {

    private static final Logger LOG = Logger.getLogger(KafkaOffsets.class);
    private static final long TIMEOUT_SECONDS = 15;

    /** First offset and end offset (the offset the next record will get) of one partition. */
    public record Range(long first, long end) {
        public long records() {
            return Math.max(0, end - first);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Admin admin;

    private synchronized Admin admin() {
        if (admin == null) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
            admin = Admin.create(p);
        }
        return admin;
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    /** Every partition of the topics, in topic and partition order, with its current range. */
    public Map<TopicPartition, Range> ranges(List<String> topics) {
        try {
            Map<String, TopicDescription> described = admin().describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : described.values()) {
                d.partitions().forEach(p -> {
                    TopicPartition tp = new TopicPartition(d.name(), p.partition());
                    earliest.put(tp, OffsetSpec.earliest());
                    latest.put(tp, OffsetSpec.latest());
                });
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = admin().listOffsets(earliest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin().listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Range> ranges = new LinkedHashMap<>();
            earliest.keySet().stream()
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                    .forEach(tp -> ranges.put(tp, new Range(first.get(tp).offset(), end.get(tp).offset())));
            return ranges;
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable("cannot read the offsets of " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while reading offsets", e);
        }
    }

    /** The offsets a consumer group has committed (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (om != null) {
                    committed.put(tp, om.offset());
                }
            });
            return committed;
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable("cannot read the offsets of group " + groupId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while reading offsets", e);
        }
    }

    /** Removes a consumer group nobody reads for any more; failures are only logged. */
    public void deleteGroup(String groupId) {
        try {
            admin().deleteConsumerGroups(List.of(groupId)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.infof("deleted the abandoned consumer group %s", groupId);
        } catch (ExecutionException | TimeoutException e) {
            LOG.infof("consumer group %s not deleted: %s", groupId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kafka did not answer: the operation cannot be done now (mapped to 503). */
    public static class KafkaUnavailable extends RuntimeException {
        public KafkaUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
