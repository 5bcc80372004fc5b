package ua.social.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.cases.client.Client;
import ua.social.cases.records.RecordRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of record requests between communities. */
public final class RecordRequestApi {

    private RecordRequestApi() {
    }

    /** A supervisor asks for a record the duplicate check reported elsewhere, by the reference it gave. */
    public record RecordRequestCreate(
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a reference from the duplicate check")
            String reference,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public enum Decision { ACCEPTED, DECLINED }

    /** The owning supervisor's answer; on acceptance the open cases move too when {@code transferOpenCase} is true. */
    public record RecordRequestDecision(@NotNull Decision decision, Boolean transferOpenCase,
                                        @Size(max = 2000) String note) {
    }

    /** The person asked for: shown only to a caller who reaches the record (the owning community; the requesting one once accepted). */
    public record RequestedClient(UUID id, String lastName, String firstName, String patronymic, LocalDate dateOfBirth,
                                  String hromada) {
        public static RequestedClient of(Client c) {
            return new RequestedClient(c.id, c.lastName, c.firstName, c.patronymic, c.dateOfBirth, c.hromada);
        }
    }

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
    }
}
