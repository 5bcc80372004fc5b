package ua.social.cases.records;

import ua.social.cases.client.Client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A record request as either side sees it. The requesting side sees neither the person nor the owning community
 * until the owner accepts; {@code client} is present only for a caller who reaches the record.
 */
public record RecordRequestView(UUID id, RecordRequest.Status status, String match, String reason,
                                String requestingOblast, String requestingHromada, String requestedBy,
                                OffsetDateTime requestedAt, OffsetDateTime decidedAt, String decidedBy,
                                String decisionNote, List<String> transferredCases, RequestedClient client) {
    public static RecordRequestView of(RecordRequest r, Client shown) {
        return new RecordRequestView(r.id, r.status, r.match, r.reason, r.requestingOblast, r.requestingHromada,
                r.requestedBy, r.requestedAt, r.decidedAt, r.decidedBy, r.decisionNote, List.copyOf(r.transferredCases),
                shown == null ? null : RequestedClient.of(shown));
    }

    /** The person asked for: shown only to a caller who reaches the record (the owning community; the requesting one once accepted). */
    public record RequestedClient(UUID id, String lastName, String firstName, String patronymic, LocalDate dateOfBirth,
                                  String hromada) {
        public static RequestedClient of(Client c) {
            return new RequestedClient(c.id, c.lastName, c.firstName, c.patronymic, c.dateOfBirth, c.hromada);
        }
    }
}
