package ua.social.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Lag of a consumer group, read from the broker as an operator would ({@code kafka-consumer-groups
 * --describe}): for every partition of its topics, the end offset minus the group's committed offset
 * (a partition the group never committed counts from its beginning).
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        admin = Admin.create(p);
    }

    /** Total lag of {@code group} on {@code topics}; throws when Kafka does not answer. */
    long of(String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(8, TimeUnit.SECONDS).forEach((topic, d) ->
                d.partitions().forEach(pi -> {
                    latest.put(new TopicPartition(topic, pi.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic, pi.partition()), OffsetSpec.earliest());
                }));
        var ends = admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
        var starts = admin.listOffsets(earliest).all().get(8, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(8, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            long from = c == null ? starts.get(tp).offset() : c.offset();
            lag += Math.max(0, ends.get(tp).offset() - from);
        }
        return lag;
    }

    /**
     * Creates {@code group} with its offsets at the current end of {@code topic}: a consumer that joins
     * it reads only what is published from now on.
     */
    /** Creates the topic (3 partitions, as the services would) unless it exists. */
    void ensureTopic(String topic) throws Exception {
        if (!admin.listTopics().names().get(8, TimeUnit.SECONDS).contains(topic)) {
            try {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 3, (short) -1)))
                        .all().get(8, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    void startAtEnd(String group, String topic) throws Exception {
        ensureTopic(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(8, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(pi -> latest.put(new TopicPartition(topic, pi.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get(8, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
