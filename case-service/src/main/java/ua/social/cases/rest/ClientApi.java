package ua.social.cases.rest;

import ua.social.cases.client.Client;
import ua.social.cases.client.Client.DisabilityGroup;
import ua.social.cases.client.Client.Sex;
import ua.social.cases.client.DuplicateCheck.DuplicateCandidate;
import ua.social.cases.client.DuplicateCheck.RecordElsewhere;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response shapes of clients (the requests are {@code client.ClientCommands}; households are shown as {@code client.HouseholdService.HouseholdView}). */
public final class ClientApi {

    private ClientApi() {
    }

    public record ClientView(UUID id, String lastName, String firstName, String patronymic, LocalDate dateOfBirth,
                             Sex sex, String phone, String email, String address, String oblast, String hromada,
                             String rnokpp, String idpCertificateNumber, DisabilityGroup disabilityGroup,
                             List<String> vulnerableGroups, OffsetDateTime createdAt, String createdBy, long version) {
        public static ClientView of(Client c) {
            return new ClientView(c.id, c.lastName, c.firstName, c.patronymic, c.dateOfBirth, c.sex, c.phone, c.email,
                    c.address, c.oblast, c.hromada, c.rnokpp, c.idpCertificateNumber, c.disabilityGroup,
                    c.vulnerableGroups, c.createdAt, c.createdBy, c.version);
        }
    }

    /**
     * The body of a 409 from {@code POST /clients} (application/problem+json), documented for clients of the API:
     * {@code duplicate-rnokpp} has either {@code existingClientId} and {@code existing} (a record in your reach)
     * or {@code recordElsewhere}; {@code likely-duplicate} has {@code likelyDuplicates} (in your reach) and
     * {@code recordsElsewhere}.
     */
    public record DuplicateProblem(String type, String title, int status, String detail, UUID existingClientId,
                                   DuplicateCandidate existing, RecordElsewhere recordElsewhere,
                                   List<DuplicateCandidate> likelyDuplicates, List<RecordElsewhere> recordsElsewhere) {
    }
}
