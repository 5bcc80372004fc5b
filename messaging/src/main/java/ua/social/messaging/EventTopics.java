package ua.social.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import ua.social.contracts.event.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The names of the two event topics, from configuration ({@code platform.topics.case-events},
 * {@code platform.topics.referral-events}; by default the deployment's names of {@link Topics}), so that
 * a test run works on topics of its own and never sees a running platform's events (nor the platform
 * its). With {@code platform.topics.create} the service creates its topics at start-up when missing
 * (test runs; a deployment creates them with the cluster: deploy/local/kafka.sh, Strimzi KafkaTopics).
 */
@ApplicationScoped
public class EventTopics {

    private static final Logger LOG = Logger.getLogger(EventTopics.class);

    @ConfigProperty(name = "platform.topics.case-events", defaultValue = Topics.CASE_EVENTS)
    String caseEvents;
    @ConfigProperty(name = "platform.topics.referral-events", defaultValue = Topics.REFERRAL_EVENTS)
    String referralEvents;
    @ConfigProperty(name = "platform.topics.create", defaultValue = "false")
    boolean create;
    @ConfigProperty(name = "platform.topics.partitions", defaultValue = "3")
    int partitions;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The topic of case-service's events. */
    public String caseEvents() {
        return caseEvents;
    }

    /** The topic of referral-service's events. */
    public String referralEvents() {
        return referralEvents;
    }

    public List<String> both() {
        return List.of(caseEvents, referralEvents);
    }

    /** Before the relay and the consumers start (they observe start-up at the default priority). */
    void create(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent ev) {
        if (!create) {
            return;
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String t : both()) {
                if (!existing.contains(t)) {
                    missing.add(new NewTopic(t, partitions, (short) -1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created the event topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException("cannot create the event topics " + both() + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the event topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating the event topics " + both(), e);
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(p);
    }
}
