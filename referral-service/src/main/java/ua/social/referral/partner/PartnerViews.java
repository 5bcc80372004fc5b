package ua.social.referral.partner;

import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.PartnerSector;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The partner directory as it is shown: organisations, their contacts, locations and services. */
public final class PartnerViews {

    private PartnerViews() {
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
