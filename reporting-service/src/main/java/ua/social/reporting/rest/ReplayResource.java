package ua.social.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.apache.kafka.common.TopicPartition;
import ua.social.messaging.EventTopics;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.QueryParams;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.messaging.ConsumerStates;
import ua.social.reporting.messaging.EventConsumer;
import ua.social.reporting.messaging.KafkaOffsets;
import ua.social.reporting.replay.ReplayRun;
import ua.social.reporting.replay.ReplayService;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Replay", description = "Rebuild the read models from the beginning of both topics; consumer progress")
public class ReplayResource {

    @Inject
    ReplayService replays;
    @Inject
    EventConsumer consumer;
    @Inject
    KafkaOffsets offsets;
    @Inject
    ReportingConfig config;
    @Inject
    EventTopics topics;
    @Inject
    CallerContext callerContext;

    public record ReplayView(String id, String status, String requestedBy, OffsetDateTime startedAt,
                             OffsetDateTime finishedAt, int generation, String consumerGroup, long recordsRead,
                             long recordsTotal, int percent, Long eventsApplied) {
    }

    public record PartitionView(String topic, int partition, long firstOffset, long endOffset, Long committedOffset,
                                long lag) {
    }

    public record ConsumerView(boolean consuming, String consumerGroup, Integer generation, long lag,
                               List<PartitionView> partitions) {
    }

    @POST
    @Path("replays")
    @Operation(summary = "Empty the read models and rebuild them from the beginning of case.events and "
            + "referral.events (202; 409 while another replay runs)")
    @APIResponseSchema(value = ReplayView.class, responseCode = "202", responseDescription = "Accepted")
    public Response start(@Context UriInfo uri) {
        ReplayRun run = replays.start(callerContext.current().username());
        return Response.accepted(view(run)).location(uri.getBaseUriBuilder().path("admin/replays/{id}")
                .build(run.id)).build();
    }

    @GET
    @Path("replays")
    @Operation(summary = "The latest replays, newest first")
    public List<ReplayView> recent() {
        return replays.recent(20).stream().map(this::view).toList();
    }

    @GET
    @Path("replays/{id}")
    @Operation(summary = "A replay and its progress (records of both topics re-read so far)")
    public ReplayView get(@PathParam("id") String id) {
        UUID replay = QueryParams.uuid(id, "id");
        if (replay == null) {
            throw ProblemException.badRequest("id", "must be the UUID of a replay");   // a blank id: no replay to find
        }
        return replays.find(replay).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Replay " + id));
    }

    @GET
    @Path("consumer")
    @Operation(summary = "The consumer group this instance reads in and its lag per partition")
    public ConsumerView consumer() {
        var reading = consumer.reading();
        List<PartitionView> partitions = new ArrayList<>();
        long lag = 0;
        try {
            Map<TopicPartition, Long> committed = reading.map(s -> offsets.committed(s.groupId())).orElse(Map.of());
            for (var e : offsets.ranges(topics.both()).entrySet()) {
                Long at = committed.get(e.getKey());
                long partitionLag = e.getValue().end() - (at == null ? e.getValue().first() : at);
                lag += partitionLag;
                partitions.add(new PartitionView(e.getKey().topic(), e.getKey().partition(), e.getValue().first(),
                        e.getValue().end(), at, partitionLag));
            }
        } catch (KafkaOffsets.KafkaUnavailable e) {
            throw new ProblemException(ua.social.identity.problem.Problem.of(503, "kafka-unavailable",
                    "Kafka unavailable", "The event broker did not answer; try again shortly."));
        }
        return new ConsumerView(reading.isPresent(), reading.map(ConsumerStates.State::groupId).orElse(null),
                reading.map(ConsumerStates.State::generation).orElse(null), lag, partitions);
    }

    private ReplayView view(ReplayRun run) {
        ReplayService.Progress p = replays.progress(run);
        return new ReplayView(run.id.toString(), run.status.name(), run.requestedBy, run.startedAt, run.finishedAt,
                run.generation, run.groupId, p.recordsRead(), p.recordsTotal(), p.percent(), run.eventsApplied);
    }
}
