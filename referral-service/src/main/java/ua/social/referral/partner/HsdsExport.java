package ua.social.referral.partner;

import ua.social.contracts.code.PartnerSector;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The partner directory in the JSON shape of Open Referral HSDS 3.0: {@code organization} with its
 * {@code contacts}, {@code phones}, {@code locations} (with {@code addresses} and {@code schedules})
 * and {@code services} (with {@code service_at_locations}, {@code languages}, {@code attributes}).
 * PartnerSector and service category travel as attributes with taxonomy terms of this platform's vocabularies.
 * Identifiers of records that only exist in the export (addresses, phones, languages, attributes) are
 * name-based UUIDs, stable between exports.
 */
@ApplicationScoped
public class HsdsExport {

    public static final String SECTOR_TAXONOMY = "ua-social-partner-sector";
    public static final String CATEGORY_TAXONOMY = "ua-social-service-category";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** An HSDS API page of organisations (1-based page number, as HSDS numbers them). */
    @Transactional
    public Map<String, Object> organizations(int pageNumber, int perPage) {
        long total = Partner.count();
        List<Partner> partners = Partner.<Partner>find("order by name, id").page(Page.of(pageNumber - 1, perPage)).list();
        long totalPages = (total + perPage - 1) / perPage;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", total);
        page.put("total_pages", totalPages);
        page.put("page_number", pageNumber);
        page.put("size", partners.size());
        page.put("first_page", pageNumber == 1);
        page.put("last_page", pageNumber >= totalPages);
        page.put("empty", partners.isEmpty());
        page.put("contents", partners.stream().map(this::organization).toList());
        return page;
    }

    @Transactional
    public Map<String, Object> organization(Partner p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", p.id.toString());
        o.put("name", p.name);
        o.putAll(ordered("alternate_name", p.alternateName, "description", p.description, "email", p.email,
                "website", p.website, "legal_status", p.legalStatus));
        o.put("organization_identifiers", p.edrpou == null ? List.of() : List.of(ordered(
                "id", derivedId("edrpou", p.id, p.edrpou),
                "organization_id", p.id.toString(),
                "identifier_scheme", "UA-EDR",
                "identifier_type", "ЄДРПОУ (EDRPOU)",
                "identifier", p.edrpou)));
        o.put("phones", p.phone == null ? List.of() : List.of(phone("organization", p.id, p.phone)));
        o.put("contacts", PartnerContact.of(p.id).stream().map(c -> {
            Map<String, Object> m = ordered(
                    "id", c.id.toString(),
                    "organization_id", p.id.toString(),
                    "name", c.name,
                    "title", c.title,
                    "department", c.department,
                    "email", c.email);
            m.put("phones", c.phone == null ? List.of() : List.of(phone("contact", c.id, c.phone)));
            return m;
        }).toList());

        List<PartnerLocation> locations = PartnerLocation.of(p.id);
        Map<UUID, List<LocationHours>> hours = LocationHours.of(locations.stream().map(l -> l.id).toList()).stream()
                .collect(Collectors.groupingBy(h -> h.locationId));
        o.put("locations", locations.stream().map(l -> location(l, hours.getOrDefault(l.id, List.of()))).toList());

        List<PartnerService> services = PartnerService.of(p.id);
        Map<UUID, List<ServiceAtLocation>> at = new HashMap<>();
        for (ServiceAtLocation sal : ServiceAtLocation.ofServices(services.stream().map(s -> s.id).toList())) {
            at.computeIfAbsent(sal.serviceId, k -> new ArrayList<>()).add(sal);
        }
        o.put("services", services.stream().map(s -> service(s, at.getOrDefault(s.id, List.of()))).toList());
        o.put("attributes", List.of(attribute("organization", p.id, SECTOR_TAXONOMY, p.sector.name())));
        return o;
    }

    private Map<String, Object> location(PartnerLocation l, List<LocationHours> hours) {
        Map<String, Object> m = ordered(
                "id", l.id.toString(),
                "location_type", "physical",
                "organization_id", l.partnerId.toString(),
                "name", l.name,
                "external_identifier", l.hromada,
                "external_identifier_type", "KATOTTG");
        m.put("addresses", List.of(ordered(
                "id", derivedId("address", l.id, l.address),
                "location_id", l.id.toString(),
                "address_1", l.address,
                "city", l.city,
                "region", l.hromada,
                "state_province", l.oblast,
                "postal_code", l.postalCode,
                "country", "UA",
                "address_type", "physical")));
        m.put("phones", l.phone == null ? List.of() : List.of(phone("location", l.id, l.phone)));
        m.put("accessibility", l.accessibility == null ? List.of() : List.of(ordered(
                "id", derivedId("accessibility", l.id, l.accessibility),
                "location_id", l.id.toString(),
                "description", l.accessibility)));
        m.put("schedules", hours.stream().map(h -> ordered(
                "id", h.id.toString(),
                "location_id", l.id.toString(),
                "freq", "WEEKLY",
                "interval", 1,
                "byday", String.join(",", h.days),
                "opens_at", TIME.format(h.opensAt),
                "closes_at", TIME.format(h.closesAt),
                "description", describe(h),
                "notes", h.notes)).toList());
        return m;
    }

    private Map<String, Object> service(PartnerService s, List<ServiceAtLocation> at) {
        Map<String, Object> m = ordered(
                "id", s.id.toString(),
                "organization_id", s.partnerId.toString(),
                "name", s.name,
                "description", s.description,
                "status", s.active ? "active" : "inactive",
                "eligibility_description", s.eligibility,
                "application_process", s.applicationProcess,
                "fees_description", s.feeFree ? "Безоплатно (free of charge)" : s.feesDescription);
        m.put("languages", s.languages.stream().map(code -> ordered(
                "id", derivedId("language", s.id, code),
                "service_id", s.id.toString(),
                "name", Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH),
                "code", code)).toList());
        m.put("service_at_locations", at.stream().map(sal -> ordered(
                "id", sal.id.toString(),
                "service_id", s.id.toString(),
                "location_id", sal.locationId.toString())).toList());
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute("service", s.id, CATEGORY_TAXONOMY, s.category.name()));
        if (s.feeFree) {
            attributes.add(attribute("service", s.id, "ua-social-cost", "FEE_FREE"));
        }
        m.put("attributes", attributes);
        return m;
    }

    private static Map<String, Object> phone(String owner, UUID ownerId, String number) {
        return ordered("id", derivedId("phone-" + owner, ownerId, number), owner + "_id", ownerId.toString(),
                "number", number);
    }

    private static Map<String, Object> attribute(String entity, UUID linkId, String taxonomy, String code) {
        String termId = UUID.nameUUIDFromBytes((taxonomy + ":" + code).getBytes(StandardCharsets.UTF_8)).toString();
        return ordered(
                "id", derivedId("attribute-" + taxonomy, linkId, code),
                "link_id", linkId.toString(),
                "link_type", taxonomy,
                "link_entity", entity,
                "taxonomy_term_id", termId,
                "taxonomy_term", ordered(
                        "id", termId,
                        "code", code,
                        "name", code,
                        "description", taxonomy + " " + code,
                        "taxonomy", taxonomy,
                        "language", "en"));
    }

    private static String describe(LocationHours h) {
        return String.join(",", h.days) + " " + TIME.format(h.opensAt) + "–" + TIME.format(h.closesAt);
    }

    private static String derivedId(String kind, UUID owner, String value) {
        return UUID.nameUUIDFromBytes((kind + ":" + owner + ":" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A map keeping the order of its keys (name, value, name, value...); absent values are left out, as HSDS does. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }
}
