import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the broker answers, then makes sure each topic exists with at least the given
 * number of partitions (Kafka 4.4 ships no console tools on the mirror, so the Admin client does it).
 * Usage: java -cp KAFKA_CLASSPATH KafkaTopics.java BOOTSTRAP TIMEOUT_SECONDS topic:partitions...
 */
public class KafkaTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = null;
            while (existing == null) {
                try {
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the Admin client itself retries until its API timeout; give up at the deadline
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("broker at " + bootstrap + " did not answer", e);
                    }
                }
            }
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String[] spec = args[i].split(":");
                String name = spec[0];
                int partitions = Integer.parseInt(spec[1]);
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                } else {
                    TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                    if (d.partitions().size() < partitions) {
                        admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitions))).all().get();
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("topics ready: " + String.join(" ", List.of(args).subList(2, args.length)));
        }
    }
}
