package ua.social.cases.client;

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
import ua.social.cases.client.Client.DisabilityGroup;
import ua.social.cases.client.Client.Sex;
import ua.social.cases.client.HouseholdMember.Relation;
import ua.social.contracts.code.VulnerableGroup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the front office asks of client records and households. The REST layer deserializes and validates these
 * (the constraints name the field of a 400); {@link ClientService} and {@link HouseholdService} carry them out.
 */
public final class ClientCommands {

    /** Letters of any alphabet, apostrophes (', ’, ʼ), hyphens, spaces and dots. */
    public static final String NAME = "^[\\p{L}][\\p{L}'’ʼ`\\-. ]*$";
    public static final String NAME_MESSAGE = "must contain letters, apostrophes, hyphens or spaces only";

    private ClientCommands() {
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

    public record MemberRequest(@NotNull UUID clientId, @NotNull Relation relation) {
    }

    public record HouseholdRequest(@NotBlank @Size(max = 200) String name,
                                   @NotEmpty @Size(max = 30) List<@Valid @NotNull MemberRequest> members) {
    }
}
