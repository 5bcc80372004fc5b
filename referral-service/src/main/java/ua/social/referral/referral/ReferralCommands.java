package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.contracts.code.ServiceCategory;
import ua.social.referral.partner.PartnerCommands;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the referring side and partners ask of a referral. The REST layer deserializes and validates these (the
 * constraints name the field of a 400); {@link ReferralService} carries them out.
 */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    /** The minimum the partner needs to reach and serve the client; given by the case manager. */
    public record ClientData(@NotBlank @Size(max = 300) String fullName,
                             @Past LocalDate dateOfBirth,
                             @Size(max = 30) @Pattern(regexp = PartnerCommands.PHONE, message = PartnerCommands.PHONE_MESSAGE) String phone,
                             @Size(max = 4000) String notes) {
    }

    public record CreateReferralRequest(@NotNull UUID caseId,
                                        @NotNull UUID partnerId,
                                        UUID serviceId,
                                        ServiceCategory serviceCategory,
                                        UUID planActionId,
                                        @NotNull Urgency urgency,
                                        @NotBlank @Size(max = 4000) String reason,
                                        @FutureOrPresent LocalDate desiredDate,
                                        @NotNull @Valid ClientData client) {
    }

    public record TransitionRequest(@NotNull ReferralStatus status,
                                    @Size(max = 4000) String reason,
                                    @Size(max = 4000) String outcome) {
    }

    public record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }
}
