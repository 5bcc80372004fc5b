package ua.social.referral.partner;

import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ServiceCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.identity.territory.KnownCommunity;
import ua.social.identity.territory.KnownOblast;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * What staff ask of the partner directory. The REST layer deserializes and validates these (the constraints name
 * the field of a 400); {@link PartnerDirectory} carries them out.
 */
public final class PartnerCommands {

    public static final String PHONE = "^\\+?[0-9 ()\\-]{5,30}$";
    public static final String PHONE_MESSAGE = "must be a phone number";
    public static final String WEB = "^https?://\\S+$";

    private PartnerCommands() {
    }

    public record ContactRequest(@NotBlank @Size(max = 200) String name,
                                 @Size(max = 200) String title,
                                 @Size(max = 200) String department,
                                 @Email @Size(max = 200) String email,
                                 @Size(max = 30) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record PartnerRequest(@NotBlank @Size(max = 300) String name,
                                 @Size(max = 300) String alternateName,
                                 @NotBlank @Size(max = 4000) String description,
                                 @NotNull PartnerSector sector,
                                 @Size(max = 200) String legalStatus,
                                 @Pattern(regexp = "^\\d{8}$", message = "must be an 8-digit EDRPOU code") String edrpou,
                                 @Email @Size(max = 200) String email,
                                 @Size(max = 500) @Pattern(regexp = WEB, message = "must be an http(s) address") String website,
                                 @Size(max = 30) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                                 Boolean active,
                                 @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts) {
    }

    public record HoursRequest(@NotEmpty @Size(max = 7) List<@NotNull Weekday> days,
                               @NotNull LocalTime opensAt,
                               @NotNull LocalTime closesAt,
                               @Size(max = 500) String notes) {
    }

    public record LocationRequest(@NotBlank @Size(max = 300) String name,
                                  @NotBlank @Size(max = 500) String address,
                                  @NotBlank @Size(max = 200) String city,
                                  @NotNull @Pattern(regexp = "^\\d{5}$", message = "must be a 5-digit postal code") String postalCode,
                                  @NotNull @KnownOblast String oblast,
                                  @NotNull @KnownCommunity String hromada,
                                  @Size(max = 30) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                                  @Size(max = 1000) String accessibility,
                                  @Size(max = 14) List<@Valid @NotNull HoursRequest> hours) {
    }

    public record ServiceRequest(@NotBlank @Size(max = 300) String name,
                                 @NotBlank @Size(max = 4000) String description,
                                 @NotNull ServiceCategory category,
                                 @Size(max = 4000) String eligibility,
                                 @Size(max = 2000) String applicationProcess,
                                 @Size(max = 20) List<@NotNull @Pattern(regexp = "^[a-z]{2,3}$",
                                         message = "must be an ISO 639 language code such as uk") String> languages,
                                 @NotNull Boolean feeFree,
                                 @Size(max = 2000) String feesDescription,
                                 Boolean active,
                                 @Size(max = 50) List<@NotNull UUID> locationIds) {
    }
}
