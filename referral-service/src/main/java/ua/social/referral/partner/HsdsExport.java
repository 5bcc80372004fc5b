package ua.social.referral.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import ua.social.contracts.code.Oblast;
import ua.social.identity.problem.ProblemException;
import ua.social.referral.partner.HsdsVocabularies.Taxonomy;
import ua.social.referral.partner.HsdsVocabularies.Term;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The partner directory as an Open Referral HSDS 3.0 API: organisations, services, services at locations,
 * taxonomies and taxonomy terms, in the shapes of the specification's compiled schemas (the list shapes hold the
 * one-to-one fields; {@code full} gives the fully nested records).
 *
 * <ul>
 *   <li>Opening hours are Kyiv wall-clock times: {@code opens_at}/{@code closes_at} carry Kyiv's UTC offset at the
 *   time of the export ({@code 09:00+02:00} in winter, {@code 09:00+03:00} in summer) and {@code timezone} the same
 *   offset in hours, as HSDS defines it; the description names {@value #ZONE}.</li>
 *   <li>Classifications are attributes whose {@code link_type} says what the term describes
 *   ({@link HsdsVocabularies#LINK_SERVICE_TYPE}, {@link HsdsVocabularies#LINK_ORGANIZATION_SECTOR},
 *   {@link HsdsVocabularies#LINK_TERRITORIAL_COMMUNITY}) and whose terms belong to the published taxonomies.</li>
 *   <li>An address has {@code state_province} = the oblast's ISO 3166-2:UA code, {@code region} = the oblast's
 *   Ukrainian name, {@code country} = UA; the community (KATOTTG code) is an attribute of the location.</li>
 *   <li>A deactivated organisation is left out of the lists, except when a consumer asks what changed
 *   ({@code modified_after}): then it comes with every service {@code inactive}, as it does when read by id, so
 *   an incremental consumer learns that it can no longer refer there.</li>
 *   <li>E-mail and web addresses are given in ASCII ({@link AsciiAddresses}).</li>
 * </ul>
 * Identifiers of records that only exist in the export (addresses, phones, languages, attributes) are name-based
 * UUIDs, stable between exports.
 */
@ApplicationScoped
public class HsdsExport {

    /** The HSDS version this API follows. */
    public static final String VERSION = "3.0";
    public static final String ZONE = "Europe/Kyiv";
    private static final ZoneId KYIV = ZoneId.of(ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The filters of the list endpoints; null members do not filter. */
    public record Filter(String search, OffsetDateTime modifiedAfter, UUID taxonomyTermId, UUID taxonomyId,
                         UUID organizationId) {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** Absolute links of this API ({@code base} ends with {@code /hsds/}). */
    public record Links(String base) {
        String taxonomy(UUID id) {
            return base + "taxonomies/" + id;
        }

        String term(UUID id) {
            return base + "taxonomy_terms/" + id;
        }
    }

    // ---------------------------------------------------------------- organizations

    @Transactional
    public Map<String, Object> organizations(Filter f, boolean full, boolean fullService, int page, int perPage, Links links) {
        Where w = new Where("from Partner p where 1 = 1");
        if (f.modifiedAfter() == null) {
            w.and("p.active = true");
        } else {
            w.and("p.updatedAt >= :t", "t", f.modifiedAfter());
        }
        if (f.search() != null) {
            w.and("(lower(p.name) like :q escape '!' or lower(coalesce(p.alternateName, '')) like :q escape '!'"
                    + " or lower(p.description) like :q escape '!')", "q", like(f.search()));
        }
        long total = w.count("p");
        List<Partner> partners = w.list("select p ", " order by p.name, p.id", Partner.class, page, perPage);
        return page(total, page, perPage, partners.stream()
                .map(p -> full ? organization(p, fullService, links) : organizationFields(p)).toList());
    }

    @Transactional
    public Map<String, Object> organization(UUID id, boolean fullService, Links links) {
        Partner p = Partner.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Organization " + id);
        }
        return organization(p, fullService, links);
    }

    private Map<String, Object> organization(Partner p, boolean fullService, Links links) {
        Map<String, Object> o = organizationFields(p);
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
                    "email", AsciiAddresses.tryEmail(c.email).orElse(null));
            m.put("phones", c.phone == null ? List.of() : List.of(phone("contact", c.id, c.phone)));
            return m;
        }).toList());
        List<PartnerLocation> locations = PartnerLocation.of(p.id);
        Map<UUID, List<LocationHours>> hours = hoursOf(locations);
        o.put("locations", locations.stream().map(l -> location(l, hours.getOrDefault(l.id, List.of()), links)).toList());
        List<PartnerService> services = PartnerService.of(p.id);
        if (fullService) {
            Map<UUID, PartnerLocation> byId = locations.stream().collect(Collectors.toMap(l -> l.id, l -> l));
            Map<UUID, List<ServiceAtLocation>> at = atOf(services);
            o.put("services", services.stream().map(s -> {
                Map<String, Object> m = serviceFields(s, p);
                m.putAll(serviceNested(s, at.getOrDefault(s.id, List.of()), byId, hours, links, true));
                return m;
            }).toList());
        } else {
            o.put("services", services.stream().map(s -> serviceFields(s, p)).toList());
        }
        o.put("attributes", List.of(attribute("organization", p.id, HsdsVocabularies.LINK_ORGANIZATION_SECTOR,
                HsdsVocabularies.sector(p.sector), links)));
        return o;
    }

    private static Map<String, Object> organizationFields(Partner p) {
        return ordered(
                "id", p.id.toString(),
                "name", p.name,
                "alternate_name", p.alternateName,
                "description", p.description,
                "email", AsciiAddresses.tryEmail(p.email).orElse(null),
                "website", AsciiAddresses.tryWeb(p.website).orElse(null),
                "legal_status", p.legalStatus);
    }

    // ---------------------------------------------------------------- services

    @Transactional
    public Map<String, Object> services(Filter f, boolean full, int page, int perPage, Links links) {
        Where w = new Where("from PartnerService s, Partner p where p.id = s.partnerId");
        changedOrLive(w, f, "(s.updatedAt >= :t or p.updatedAt >= :t)");
        if (f.search() != null) {
            w.and("(lower(s.name) like :q escape '!' or lower(coalesce(s.description, '')) like :q escape '!'"
                    + " or lower(p.name) like :q escape '!')", "q", like(f.search()));
        }
        if (f.organizationId() != null) {
            w.and("s.partnerId = :org", "org", f.organizationId());
        }
        classified(w, f);
        long total = w.count("s");
        List<Object[]> rows = w.list("select s, p ", " order by p.name, s.name, s.id", Object[].class, page, perPage);
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Object[] r : rows) {
            PartnerService s = (PartnerService) r[0];
            Partner p = (Partner) r[1];
            contents.add(full ? service(s, p, links) : serviceWithOrganization(s, p));
        }
        return page(total, page, perPage, contents);
    }

    @Transactional
    public Map<String, Object> service(UUID id, Links links) {
        PartnerService s = PartnerService.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Service " + id);
        }
        return service(s, Partner.findById(s.partnerId), links);
    }

    private Map<String, Object> service(PartnerService s, Partner p, Links links) {
        List<PartnerLocation> locations = PartnerLocation.of(p.id);
        Map<UUID, PartnerLocation> byId = locations.stream().collect(Collectors.toMap(l -> l.id, l -> l));
        Map<UUID, List<ServiceAtLocation>> at = atOf(List.of(s));
        Map<String, Object> m = serviceWithOrganization(s, p);
        m.putAll(serviceNested(s, at.getOrDefault(s.id, List.of()), byId, hoursOf(locations), links, true));
        return m;
    }

    private Map<String, Object> serviceWithOrganization(PartnerService s, Partner p) {
        Map<String, Object> m = serviceFields(s, p);
        m.put("organization", organizationFields(p));
        return m;
    }

    private static Map<String, Object> serviceFields(PartnerService s, Partner p) {
        OffsetDateTime modified = s.updatedAt == null || (p.updatedAt != null && p.updatedAt.isAfter(s.updatedAt))
                ? p.updatedAt : s.updatedAt;
        return ordered(
                "id", s.id.toString(),
                "organization_id", s.partnerId.toString(),
                "name", s.name,
                "description", s.description,
                "status", s.active && p.active ? "active" : "inactive",
                "application_process", s.applicationProcess,
                "fees_description", s.feeFree ? "Безоплатно (free of charge)" : s.feesDescription,
                "eligibility_description", s.eligibility,
                "last_modified", modified == null ? null : modified.withOffsetSameInstant(ZoneOffset.UTC).toString());
    }

    /** The nested parts of a fully nested service: languages, service_at_locations (with locations), attributes. */
    private Map<String, Object> serviceNested(PartnerService s, List<ServiceAtLocation> at, Map<UUID, PartnerLocation> locations,
                                              Map<UUID, List<LocationHours>> hours, Links links, boolean withLocations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("languages", s.languages.stream().map(code -> ordered(
                "id", derivedId("language", s.id, code),
                "service_id", s.id.toString(),
                "name", Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH),
                "code", code)).toList());
        if (withLocations) {
            m.put("service_at_locations", at.stream().map(sal -> {
                Map<String, Object> a = salFields(sal);
                PartnerLocation l = locations.get(sal.locationId);
                if (l != null) {
                    a.put("location", location(l, hours.getOrDefault(l.id, List.of()), links));
                }
                return a;
            }).toList());
        }
        m.put("attributes", List.of(attribute("service", s.id, HsdsVocabularies.LINK_SERVICE_TYPE,
                HsdsVocabularies.category(s.category), links)));
        return m;
    }

    // ---------------------------------------------------------------- service_at_locations

    @Transactional
    public Map<String, Object> serviceAtLocations(Filter f, boolean full, int page, int perPage, Links links) {
        Where w = new Where("from ServiceAtLocation a, PartnerService s, Partner p, PartnerLocation l"
                + " where s.id = a.serviceId and p.id = s.partnerId and l.id = a.locationId");
        changedOrLive(w, f, "(s.updatedAt >= :t or p.updatedAt >= :t or l.updatedAt >= :t)");
        if (f.search() != null) {
            w.and("(lower(s.name) like :q escape '!' or lower(coalesce(s.description, '')) like :q escape '!'"
                    + " or lower(p.name) like :q escape '!' or lower(l.name) like :q escape '!'"
                    + " or lower(l.city) like :q escape '!' or lower(l.address) like :q escape '!')", "q", like(f.search()));
        }
        if (f.organizationId() != null) {
            w.and("s.partnerId = :org", "org", f.organizationId());
        }
        classified(w, f);
        long total = w.count("a");
        List<Object[]> rows = w.list("select a, s, p, l ", " order by p.name, s.name, l.name, a.id", Object[].class,
                page, perPage);
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Object[] r : rows) {
            ServiceAtLocation a = (ServiceAtLocation) r[0];
            PartnerService s = (PartnerService) r[1];
            Partner p = (Partner) r[2];
            PartnerLocation l = (PartnerLocation) r[3];
            contents.add(full ? serviceAtLocation(a, s, p, l, links) : salList(a, s, p, l));
        }
        return page(total, page, perPage, contents);
    }

    @Transactional
    public Map<String, Object> serviceAtLocation(UUID id, Links links) {
        ServiceAtLocation a = ServiceAtLocation.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Service at location " + id);
        }
        PartnerService s = PartnerService.findById(a.serviceId);
        return serviceAtLocation(a, s, Partner.findById(s.partnerId), PartnerLocation.findById(a.locationId), links);
    }

    private Map<String, Object> serviceAtLocation(ServiceAtLocation a, PartnerService s, Partner p, PartnerLocation l,
                                                  Links links) {
        Map<String, Object> m = salFields(a);
        Map<UUID, List<LocationHours>> hours = hoursOf(List.of(l));
        m.put("location", location(l, hours.getOrDefault(l.id, List.of()), links));
        Map<String, Object> service = serviceWithOrganization(s, p);
        service.putAll(serviceNested(s, List.of(), Map.of(), Map.of(), links, false));
        m.put("service", service);
        return m;
    }

    private Map<String, Object> salList(ServiceAtLocation a, PartnerService s, Partner p, PartnerLocation l) {
        Map<String, Object> m = salFields(a);
        m.put("location", locationFields(l));
        m.put("service", serviceWithOrganization(s, p));
        return m;
    }

    private static Map<String, Object> salFields(ServiceAtLocation a) {
        return ordered("id", a.id.toString(), "service_id", a.serviceId.toString(), "location_id", a.locationId.toString());
    }

    // ---------------------------------------------------------------- locations

    private static Map<String, Object> locationFields(PartnerLocation l) {
        return ordered(
                "id", l.id.toString(),
                "location_type", "physical",
                "organization_id", l.partnerId.toString(),
                "name", l.name);
    }

    private Map<String, Object> location(PartnerLocation l, List<LocationHours> hours, Links links) {
        Map<String, Object> m = locationFields(l);
        m.put("addresses", List.of(ordered(
                "id", derivedId("address", l.id, l.address),
                "location_id", l.id.toString(),
                "address_1", l.address,
                "city", l.city,
                "region", Oblast.ukOf(l.oblast),
                "state_province", l.oblast,
                "postal_code", l.postalCode,
                "country", "UA",
                "address_type", "physical")));
        m.put("phones", l.phone == null ? List.of() : List.of(phone("location", l.id, l.phone)));
        m.put("accessibility", l.accessibility == null ? List.of() : List.of(ordered(
                "id", derivedId("accessibility", l.id, l.accessibility),
                "location_id", l.id.toString(),
                "description", l.accessibility)));
        ZoneOffset offset = KYIV.getRules().getOffset(clock.instant());
        String suffix = offset.getId().equals("Z") ? "+00:00" : offset.getId();
        Number hoursOffset = offset.getTotalSeconds() % 3600 == 0 ? (Number) (offset.getTotalSeconds() / 3600)
                : (Number) (offset.getTotalSeconds() / 3600.0);
        m.put("schedules", hours.stream().map(h -> ordered(
                "id", h.id.toString(),
                "location_id", l.id.toString(),
                "timezone", hoursOffset,
                "freq", "WEEKLY",
                "interval", 1,
                "byday", String.join(",", h.days),
                "opens_at", TIME.format(h.opensAt) + suffix,
                "closes_at", TIME.format(h.closesAt) + suffix,
                "description", describe(h) + " (" + ZONE + ")",
                "notes", h.notes)).toList());
        Term community = HsdsVocabularies.community(l.hromada);
        m.put("attributes", community == null ? List.of()
                : List.of(attribute("location", l.id, HsdsVocabularies.LINK_TERRITORIAL_COMMUNITY, community, links)));
        return m;
    }

    // ---------------------------------------------------------------- taxonomies

    public Map<String, Object> taxonomies(String search, int page, int perPage, Links links) {
        List<Taxonomy> found = HsdsVocabularies.TAXONOMIES.stream()
                .filter(t -> search == null || contains(search, t.name(), t.description(), t.key())).toList();
        return page(found.size(), page, perPage, slice(found, page, perPage).stream().map(t -> taxonomy(t, links)).toList());
    }

    public Map<String, Object> taxonomy(UUID id, Links links) {
        return taxonomy(HsdsVocabularies.taxonomy(id).orElseThrow(() -> ProblemException.notFound("Taxonomy " + id)), links);
    }

    public Map<String, Object> taxonomyTerms(String search, UUID taxonomyId, UUID parentId, int page, int perPage, Links links) {
        List<Term> found = HsdsVocabularies.terms().stream()
                .filter(t -> taxonomyId == null || t.taxonomy().id().equals(taxonomyId))
                // The vocabularies are flat: no term has a parent.
                .filter(t -> parentId == null)
                .filter(t -> search == null || contains(search, t.code(), t.name(), t.description()))
                .toList();
        return page(found.size(), page, perPage, slice(found, page, perPage).stream().map(t -> term(t, links)).toList());
    }

    public Map<String, Object> taxonomyTerm(UUID id, Links links) {
        return term(HsdsVocabularies.term(id).orElseThrow(() -> ProblemException.notFound("Taxonomy term " + id)), links);
    }

    private static Map<String, Object> taxonomy(Taxonomy t, Links links) {
        return ordered("id", t.id().toString(), "name", t.name(), "description", t.description(),
                "uri", links.taxonomy(t.id()), "version", t.version());
    }

    private static Map<String, Object> term(Term t, Links links) {
        return ordered(
                "id", t.id().toString(),
                "code", t.code(),
                "name", t.name(),
                "description", t.description(),
                "taxonomy", links.taxonomy(t.taxonomy().id()),
                "taxonomy_detail", taxonomy(t.taxonomy(), links),
                "language", "uk",
                "taxonomy_id", t.taxonomy().id().toString(),
                "term_uri", links.term(t.id()));
    }

    private static Map<String, Object> attribute(String entity, UUID linkId, String linkType, Term term, Links links) {
        return ordered(
                "id", derivedId("attribute-" + term.taxonomy().key(), linkId, term.code()),
                "link_id", linkId.toString(),
                "taxonomy_term_id", term.id().toString(),
                "link_type", linkType,
                "link_entity", entity,
                "taxonomy_term", term(term, links));
    }

    // ---------------------------------------------------------------- helpers

    /** Without modified_after the lists show the live directory; with it, everything changed since. */
    private static void changedOrLive(Where w, Filter f, String changed) {
        if (f.modifiedAfter() == null) {
            w.and("p.active = true");
        } else {
            w.and(changed, "t", f.modifiedAfter());
        }
    }

    /** taxonomy_term_id / taxonomy_id: services whose category, organisation's sector or location's community has them. */
    private static void classified(Where w, Filter f) {
        String inCommunity = "exists (select 1 from ServiceAtLocation a2, PartnerLocation l2 where a2.serviceId = s.id"
                + " and l2.id = a2.locationId%s)";
        if (f.taxonomyTermId() != null) {
            Term t = HsdsVocabularies.term(f.taxonomyTermId()).orElse(null);
            if (t == null) {
                w.and("1 = 0");
            } else if (t.taxonomy() == HsdsVocabularies.CATEGORIES) {
                w.and("s.category = :category", "category", ua.social.contracts.code.ServiceCategory.valueOf(t.code()));
            } else if (t.taxonomy() == HsdsVocabularies.SECTORS) {
                w.and("p.sector = :sector", "sector", ua.social.contracts.code.PartnerSector.valueOf(t.code()));
            } else {
                w.and(String.format(inCommunity, " and l2.hromada = :hromada"), "hromada", t.code());
            }
        }
        if (f.taxonomyId() != null) {
            Taxonomy t = HsdsVocabularies.taxonomy(f.taxonomyId()).orElse(null);
            if (t == null) {
                w.and("1 = 0");
            } else if (t == HsdsVocabularies.COMMUNITIES) {
                w.and(String.format(inCommunity, " and l2.hromada is not null"));
            }
            // Every service has a category and every organisation a sector: those taxonomies filter nothing out.
        }
    }

    private Map<UUID, List<LocationHours>> hoursOf(List<PartnerLocation> locations) {
        return LocationHours.of(locations.stream().map(l -> l.id).toList()).stream()
                .collect(Collectors.groupingBy(h -> h.locationId));
    }

    private static Map<UUID, List<ServiceAtLocation>> atOf(List<PartnerService> services) {
        Map<UUID, List<ServiceAtLocation>> at = new HashMap<>();
        for (ServiceAtLocation sal : ServiceAtLocation.ofServices(services.stream().map(s -> s.id).toList())) {
            at.computeIfAbsent(sal.serviceId, k -> new ArrayList<>()).add(sal);
        }
        at.values().forEach(l -> l.sort(Comparator.comparing((ServiceAtLocation a) -> a.id)));
        return at;
    }

    /** An HSDS page: 1-based page number, as HSDS numbers them. */
    private static Map<String, Object> page(long total, int pageNumber, int perPage, List<?> contents) {
        long totalPages = (total + perPage - 1) / perPage;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", total);
        page.put("total_pages", totalPages);
        page.put("page_number", pageNumber);
        page.put("size", contents.size());
        page.put("first_page", pageNumber == 1);
        page.put("last_page", pageNumber >= totalPages);
        page.put("empty", contents.isEmpty());
        page.put("contents", contents);
        return page;
    }

    private static <T> List<T> slice(List<T> all, int page, int perPage) {
        long from = (long) (page - 1) * perPage;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }

    private static boolean contains(String search, String... fields) {
        String q = search.toLowerCase(Locale.ROOT);
        for (String f : fields) {
            if (f != null && f.toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return false;
    }

    private static String like(String search) {
        return "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static Map<String, Object> phone(String owner, UUID ownerId, String number) {
        return ordered("id", derivedId("phone-" + owner, ownerId, number), owner + "_id", ownerId.toString(),
                "number", number);
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

    /** A JPQL query built of conditions and their parameters, counted and paged. */
    private final class Where {
        private final StringBuilder jpql;
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where(String from) {
            this.jpql = new StringBuilder(from);
        }

        void and(String condition, Object... nameValue) {
            jpql.append(" and ").append(condition);
            for (int i = 0; i < nameValue.length; i += 2) {
                params.put((String) nameValue[i], nameValue[i + 1]);
            }
        }

        long count(String alias) {
            TypedQuery<Long> q = em.createQuery("select count(" + alias + ") " + jpql, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        }

        <T> List<T> list(String select, String orderBy, Class<T> type, int page, int perPage) {
            TypedQuery<T> q = em.createQuery(select + jpql + orderBy, type);
            params.forEach(q::setParameter);
            return q.setFirstResult((page - 1) * perPage).setMaxResults(perPage).getResultList();
        }
    }
}
