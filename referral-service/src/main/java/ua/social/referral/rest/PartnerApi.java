package ua.social.referral.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.identity.territory.KnownCommunity;
import ua.social.identity.territory.KnownOblast;
import ua.social.referral.partner.LocationHours;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerContact;
import ua.social.referral.partner.PartnerLocation;
import ua.social.referral.partner.PartnerService;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ServiceCategory;
import ua.social.referral.partner.Weekday;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of the partner directory. */
public final class PartnerApi {

    public static final String PHONE = "^\\+?[0-9 ()\\-]{5,30}$";
    public static final String PHONE_MESSAGE = "must be a phone number";
    public static final String WEB = "^https?://\\S+$";

    private PartnerApi() {
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

    public record ContactView(UUID id, String name, String title, String department, String email, String phone) {
        public static ContactView of(PartnerContact c) {
            return new ContactView(c.id, c.name, c.title, c.department, c.email, c.phone);
        }
    }

    public record HoursView(List<String> days, LocalTime opensAt, LocalTime closesAt, String notes) {
        public static HoursView of(LocationHours h) {
            return new HoursView(h.days, h.opensAt, h.closesAt, h.notes);
        }
    }

    public record LocationView(UUID id, UUID partnerId, String name, String address, String city, String postalCode,
                               String oblast, String hromada, String phone, String accessibility,
                               List<HoursView> hours, long version) {
        public static LocationView of(PartnerLocation l, List<LocationHours> hours) {
            return new LocationView(l.id, l.partnerId, l.name, l.address, l.city, l.postalCode, l.oblast, l.hromada,
                    l.phone, l.accessibility, hours.stream().map(HoursView::of).toList(), l.version);
        }
    }

    public record ServiceView(UUID id, UUID partnerId, String name, String description, ServiceCategory category,
                              String eligibility, String applicationProcess, List<String> languages, boolean feeFree,
                              String feesDescription, boolean active, List<UUID> locationIds, long version) {
        public static ServiceView of(PartnerService s, List<UUID> locationIds) {
            return new ServiceView(s.id, s.partnerId, s.name, s.description, s.category, s.eligibility,
                    s.applicationProcess, s.languages, s.feeFree, s.feesDescription, s.active, locationIds, s.version);
        }
    }

    public record PartnerView(UUID id, String name, String alternateName, String description, PartnerSector sector,
                              String legalStatus, String edrpou, String email, String website, String phone,
                              boolean active, List<ContactView> contacts, List<LocationView> locations,
                              List<ServiceView> services, OffsetDateTime createdAt, String createdBy,
                              OffsetDateTime updatedAt, String updatedBy, long version) {
    }

    public record ServiceBrief(UUID id, String name, ServiceCategory category, boolean feeFree, boolean active) {
        public static ServiceBrief of(PartnerService s) {
            return new ServiceBrief(s.id, s.name, s.category, s.feeFree, s.active);
        }
    }

    public record PartnerSummary(UUID id, String name, PartnerSector sector, boolean active, List<String> hromadas,
                                 List<ServiceBrief> services) {
    }

    public static PartnerView view(Partner p, List<PartnerContact> contacts, List<LocationView> locations,
                                   List<ServiceView> services) {
        return new PartnerView(p.id, p.name, p.alternateName, p.description, p.sector, p.legalStatus, p.edrpou,
                p.email, p.website, p.phone, p.active, contacts.stream().map(ContactView::of).toList(), locations,
                services, p.createdAt, p.createdBy, p.updatedAt, p.updatedBy, p.version);
    }
}
