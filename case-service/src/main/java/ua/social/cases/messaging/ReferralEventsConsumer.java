package ua.social.cases.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ua.social.cases.config.CaseConfig;
import ua.social.messaging.TopicConsumer;

import java.util.List;

/** Reads referral.events for the life of the service and hands each event to {@link ReferralEventHandler}. */
@ApplicationScoped
public class ReferralEventsConsumer {

    public static final String TOPIC = "referral.events";

    @Inject
    ReferralEventHandler handler;
    @Inject
    CaseConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicConsumer consumer;

    void start(@Observes StartupEvent ev) {
        consumer = new TopicConsumer(bootstrapServers, config.referralEvents().consumerGroup(), List.of(TOPIC),
                handler::apply).start();
    }

    void stop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
