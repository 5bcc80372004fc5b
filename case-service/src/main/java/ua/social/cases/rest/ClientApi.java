package ua.social.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.identity.territory.KnownCommunity;
import ua.social.identity.territory.KnownOblast;
import ua.social.cases.client.Client;
import ua.social.cases.client.Client.DisabilityGroup;
import ua.social.cases.client.Client.Sex;
import ua.social.cases.client.HouseholdMember.Relation;
import ua.social.cases.client.ValidRnokpp;
import ua.social.contracts.code.VulnerableGroup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of clients and households. */
public final class ClientApi {

    /** Letters of any alphabet, apostrophes (', ’, ʼ), hyphens, spaces and dots. */
    public static final String NAME = "^[\\p{L}][\\p{L}'’ʼ`\\-. ]*$";
    public static final String NAME_MESSAGE = "must contain letters, apostrophes, hyphens or spaces only";

    private ClientApi() {
    }

    public record ClientRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String lastName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String firstName,
            @Size(max = 100) @Pattern(regexp = NAME, message = NAME_MESSAGE) String patronymic,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull Sex sex,
            @Size(max = 30) @Pattern(regexp = "^\\+?[0-9 ()\\-]{5,30}$", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 500) String address,
            @KnownOblast String oblast,
            @KnownCommunity String hromada,
            @ValidRnokpp String rnokpp,
            @Size(max = 50) String idpCertificateNumber,
            DisabilityGroup disabilityGroup,
            @Size(max = 16) List<@NotNull VulnerableGroup> vulnerableGroups,
            Boolean confirmedNotDuplicate) {
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

    /** What a likely or exact duplicate shows: enough to recognise the person, no more. */
    public record DuplicateCandidate(UUID id, String lastName, String firstName, String patronymic,
                                     LocalDate dateOfBirth, String hromada, String match) {
        public static DuplicateCandidate of(Client c, String match) {
            return new DuplicateCandidate(c.id, c.lastName, c.firstName, c.patronymic, c.dateOfBirth, c.hromada, match);
        }
    }

    /**
     * A match outside the caller's reach: that a record exists elsewhere, nothing about the person (no name,
     * birth date, community or id). The reference lets the caller's supervisor ask for the record
     * ({@code POST /record-requests}); it is good for the caller's community only, until it expires.
     */
    public record RecordElsewhere(String match, String reference, OffsetDateTime referenceExpiresAt) {
    }

    /** The duplicate check's answer: candidates in the caller's reach, and records that exist elsewhere. */
    public record DuplicateCheckView(List<DuplicateCandidate> candidates, List<RecordElsewhere> recordsElsewhere) {
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

    public record MemberRequest(@NotNull UUID clientId, @NotNull Relation relation) {
    }

    public record HouseholdRequest(@NotBlank @Size(max = 200) String name,
                                   @NotEmpty @Size(max = 30) List<@Valid @NotNull MemberRequest> members) {
    }

    public record MemberView(UUID clientId, String lastName, String firstName, LocalDate dateOfBirth, Relation relation) {
    }

    public record HouseholdView(UUID id, String name, String oblast, String hromada, List<MemberView> members) {
    }
}
