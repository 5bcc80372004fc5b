package ua.social.referral.partner;

import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.PartnerSector;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.Territory;
import ua.social.identity.Caller;
import ua.social.identity.CallerContext;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.referral.partner.PartnerCommands.ContactRequest;
import ua.social.referral.partner.PartnerCommands.HoursRequest;
import ua.social.referral.partner.PartnerCommands.LocationRequest;
import ua.social.referral.partner.PartnerViews.LocationView;
import ua.social.referral.partner.PartnerCommands.PartnerRequest;
import ua.social.referral.partner.PartnerViews.PartnerSummary;
import ua.social.referral.partner.PartnerViews.PartnerView;
import ua.social.referral.partner.PartnerViews.ServiceBrief;
import ua.social.referral.partner.PartnerCommands.ServiceRequest;
import ua.social.referral.partner.PartnerViews.ServiceView;
import ua.social.referral.partner.PartnerViews;
import ua.social.referral.support.Time;
import ua.social.identity.web.Versions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The partner directory: organisations, their locations (community, address, working hours), contacts
 * and the services they offer. Read by all staff. Platform admins maintain every organisation and alone switch
 * one on or off; a supervisor maintains only the organisations of their own community: every location in it,
 * or, before the first location, registered by a supervisor of it. The directory is public to staff, so a
 * supervisor's change to another community's organisation is 403 (not 404).
 */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    Clock clock;
    @Inject
    CallerContext callerContext;
    @Inject
    Event<PartnerDeactivated> deactivated;

    // ---------------------------------------------------------------- organisations

    @Transactional
    public Partner create(PartnerRequest req) {
        OffsetDateTime now = Time.now(clock);
        String who = callerContext.current().username();
        requireFreeEdrpou(req.edrpou(), null);
        Caller caller = callerContext.current();
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        apply(p, req);
        p.active = req.active() == null || req.active();
        p.registeredHromada = caller.hasRole(Roles.PLATFORM_ADMIN) ? null : caller.jurisdiction().hromada();
        p.createdAt = now;
        p.createdBy = who;
        p.updatedAt = now;
        p.updatedBy = who;
        p.persist();
        replaceContacts(p.id, req.contacts());
        return p;
    }

    @Transactional
    public Partner update(UUID id, String ifMatch, PartnerRequest req) {
        Partner p = find(id);
        requireSteward(p);
        Versions.check(ifMatch, p.version);
        boolean switching = req.active() != null && req.active() != p.active;
        Caller caller = callerContext.current();
        if (switching && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new ProblemException(Problem.of(403, "partner-activation-admin-only", "Only a platform admin "
                    + "switches a partner on or off", "Activating or deactivating an organisation is for a platform "
                    + "admin; send the current value of active (" + p.active + ") or leave it out.")
                    .field("active", "only a platform admin changes it"));
        }
        requireFreeEdrpou(req.edrpou(), id);
        apply(p, req);
        OffsetDateTime now = Time.now(clock);
        if (switching) {
            p.active = req.active();
            if (!p.active) {
                deactivated.fire(new PartnerDeactivated(p.id, now, caller.username()));
            }
        }
        p.updatedAt = now;
        p.updatedBy = caller.username();
        replaceContacts(p.id, req.contacts());
        return p;
    }

    private static void apply(Partner p, PartnerRequest req) {
        p.name = req.name().trim();
        p.alternateName = blankToNull(req.alternateName());
        p.description = req.description().trim();
        p.sector = req.sector();
        p.legalStatus = blankToNull(req.legalStatus());
        p.edrpou = blankToNull(req.edrpou());
        p.email = AsciiAddresses.email(req.email(), "email");
        p.website = AsciiAddresses.web(req.website(), "website");
        p.phone = blankToNull(req.phone());
    }

    private static void requireFreeEdrpou(String edrpou, UUID self) {
        if (edrpou == null || edrpou.isBlank()) {
            return;
        }
        Partner other = Partner.find("edrpou", edrpou).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw new ProblemException(ua.social.identity.problem.Problem.of(409, "partner-exists",
                            "Partner already registered",
                            "An organisation with EDRPOU " + edrpou + " is already in the directory.")
                    .with("partnerId", other.id).field("edrpou", "already registered"));
        }
    }

    private static void replaceContacts(UUID partnerId, List<ContactRequest> contacts) {
        PartnerContact.delete("partnerId", partnerId);
        if (contacts == null) {
            return;
        }
        int i = 0;
        for (ContactRequest c : contacts) {
            PartnerContact pc = new PartnerContact();
            pc.id = UUID.randomUUID();
            pc.partnerId = partnerId;
            pc.position = i++;
            pc.name = c.name().trim();
            pc.title = blankToNull(c.title());
            pc.department = blankToNull(c.department());
            pc.email = AsciiAddresses.email(c.email(), "contacts[" + pc.position + "].email");
            pc.phone = blankToNull(c.phone());
            pc.persist();
        }
    }

    /** True when the caller may maintain the organisation (see the class comment). */
    public boolean maintainable(Partner p, Caller caller) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            return false;
        }
        List<String> hromadas = PartnerLocation.of(p.id).stream().map(l -> l.hromada).distinct().toList();
        if (hromadas.isEmpty()) {
            return caller.jurisdiction().coversHromada(p.registeredHromada);
        }
        return hromadas.stream().allMatch(h -> caller.jurisdiction().coversHromada(h));
    }

    private void requireSteward(Partner p) {
        if (!maintainable(p, callerContext.current())) {
            throw new ProblemException(Problem.of(403, "partner-outside-community", "Partner outside your community",
                    "A supervisor maintains only organisations whose locations all lie in their own community; "
                            + p.name + " is maintained by a platform admin or another community's supervisor."));
        }
    }

    /** A supervisor places locations only in their own community. */
    private void requireOwnHromada(String hromada) {
        Caller caller = callerContext.current();
        if (!caller.hasRole(Roles.PLATFORM_ADMIN) && !caller.jurisdiction().coversHromada(hromada)) {
            throw new ProblemException(Problem.of(403, "partner-outside-community", "Partner outside your community",
                    "A supervisor places an organisation's locations only in their own community, not in " + hromada
                            + ".").field("hromada", "not your community"));
        }
    }

    /** The organisation, or a 404 problem. */
    public Partner find(UUID id) {
        Partner p = Partner.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Partner " + id);
        }
        return p;
    }

    // ---------------------------------------------------------------- locations

    @Transactional
    public PartnerLocation addLocation(UUID partnerId, LocationRequest req) {
        Partner p = find(partnerId);
        requireSteward(p);
        requireOwnHromada(req.hromada());
        OffsetDateTime now = Time.now(clock);
        PartnerLocation l = new PartnerLocation();
        l.id = UUID.randomUUID();
        l.partnerId = p.id;
        l.createdAt = now;
        applyLocation(l, req, now);
        l.persist();
        replaceHours(l.id, req.hours());
        touch(p);
        return l;
    }

    @Transactional
    public PartnerLocation updateLocation(UUID partnerId, UUID locationId, String ifMatch, LocationRequest req) {
        Partner p = find(partnerId);
        PartnerLocation l = PartnerLocation.findById(locationId);
        if (l == null || !l.partnerId.equals(p.id)) {
            throw ProblemException.notFound("Location " + locationId);
        }
        requireSteward(p);
        requireOwnHromada(req.hromada());
        Versions.check(ifMatch, l.version);
        applyLocation(l, req, Time.now(clock));
        replaceHours(l.id, req.hours());
        touch(p);
        return l;
    }

    private static void applyLocation(PartnerLocation l, LocationRequest req, OffsetDateTime now) {
        Territory.requireInOblast(req.oblast(), "oblast", req.hromada(), "hromada");
        l.name = req.name().trim();
        l.address = req.address().trim();
        l.city = req.city().trim();
        l.postalCode = req.postalCode();
        l.oblast = req.oblast();
        l.hromada = req.hromada();
        l.phone = blankToNull(req.phone());
        l.accessibility = blankToNull(req.accessibility());
        l.updatedAt = now;
    }

    private static void replaceHours(UUID locationId, List<HoursRequest> hours) {
        LocationHours.delete("locationId", locationId);
        if (hours == null) {
            return;
        }
        for (int i = 0; i < hours.size(); i++) {
            HoursRequest h = hours.get(i);
            if (!h.closesAt().isAfter(h.opensAt())) {
                throw ProblemException.badRequest("hours[" + i + "].closesAt", "must be after opensAt");
            }
            LocationHours lh = new LocationHours();
            lh.id = UUID.randomUUID();
            lh.locationId = locationId;
            lh.position = i;
            lh.days = h.days().stream().distinct().sorted().map(Enum::name).toList();
            lh.opensAt = h.opensAt();
            lh.closesAt = h.closesAt();
            lh.notes = blankToNull(h.notes());
            lh.persist();
        }
    }

    // ---------------------------------------------------------------- services

    @Transactional
    public PartnerService addService(UUID partnerId, ServiceRequest req) {
        Partner p = find(partnerId);
        requireSteward(p);
        OffsetDateTime now = Time.now(clock);
        PartnerService s = new PartnerService();
        s.id = UUID.randomUUID();
        s.partnerId = p.id;
        s.createdAt = now;
        s.active = req.active() == null || req.active();
        applyService(s, req, now);
        s.persist();
        replaceServiceLocations(p.id, s.id, req.locationIds());
        touch(p);
        return s;
    }

    @Transactional
    public PartnerService updateService(UUID partnerId, UUID serviceId, String ifMatch, ServiceRequest req) {
        Partner p = find(partnerId);
        PartnerService s = PartnerService.findById(serviceId);
        if (s == null || !s.partnerId.equals(p.id)) {
            throw ProblemException.notFound("Service " + serviceId);
        }
        requireSteward(p);
        Versions.check(ifMatch, s.version);
        if (req.active() != null) {
            s.active = req.active();
        }
        applyService(s, req, Time.now(clock));
        replaceServiceLocations(p.id, s.id, req.locationIds());
        touch(p);
        return s;
    }

    private static void applyService(PartnerService s, ServiceRequest req, OffsetDateTime now) {
        if (!req.feeFree() && (req.feesDescription() == null || req.feesDescription().isBlank())) {
            throw ProblemException.badRequest("feesDescription", "describe the fees of a service that is not fee-free");
        }
        s.name = req.name().trim();
        s.description = req.description().trim();
        s.category = req.category();
        s.eligibility = blankToNull(req.eligibility());
        s.applicationProcess = blankToNull(req.applicationProcess());
        s.languages = req.languages() == null ? List.of() : req.languages().stream().distinct().toList();
        s.feeFree = req.feeFree();
        s.feesDescription = blankToNull(req.feesDescription());
        s.updatedAt = now;
    }

    private static void replaceServiceLocations(UUID partnerId, UUID serviceId, List<UUID> locationIds) {
        ServiceAtLocation.delete("serviceId", serviceId);
        if (locationIds == null) {
            return;
        }
        List<UUID> distinct = locationIds.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            PartnerLocation l = PartnerLocation.findById(distinct.get(i));
            if (l == null || !l.partnerId.equals(partnerId)) {
                throw ProblemException.badRequest("locationIds[" + i + "]", "is not a location of this partner");
            }
            ServiceAtLocation sal = new ServiceAtLocation();
            sal.id = UUID.randomUUID();
            sal.serviceId = serviceId;
            sal.locationId = l.id;
            sal.persist();
        }
    }

    private void touch(Partner p) {
        p.updatedAt = Time.now(clock);
        p.updatedBy = callerContext.current().username();
    }

    // ---------------------------------------------------------------- reading

    /** Organisations by sector, service category (of an active service) and community (of a location), by name. */
    @Transactional
    public PageView<PartnerSummary> search(PartnerSector sector, ServiceCategory category, String hromada, String text,
                                           Boolean active, int page, int size) {
        StringBuilder q = new StringBuilder("from Partner p where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (sector != null) {
            q.append(" and p.sector = :sector");
            params.put("sector", sector);
        }
        if (category != null) {
            q.append(" and exists (select s.id from PartnerService s where s.partnerId = p.id"
                    + " and s.category = :category and s.active = true)");
            params.put("category", category);
        }
        if (hromada != null) {
            q.append(" and exists (select l.id from PartnerLocation l where l.partnerId = p.id and l.hromada = :hromada)");
            params.put("hromada", hromada);
        }
        if (text != null && !text.isBlank()) {
            q.append(" and (lower(p.name) like :text or lower(coalesce(p.alternateName, '')) like :text)");
            params.put("text", "%" + text.trim().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (active != null) {
            q.append(" and p.active = :active");
            params.put("active", active);
        }
        long total = Partner.count(q.toString(), params);
        List<Partner> found = Partner.<Partner>find(q + " order by p.name, p.id", params)
                .page(Page.of(page, size)).list();
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        Map<UUID, List<PartnerService>> services = ids.isEmpty() ? Map.of()
                : PartnerService.<PartnerService>list("partnerId in ?1 order by name", ids).stream()
                .collect(Collectors.groupingBy(s -> s.partnerId));
        Map<UUID, List<PartnerLocation>> locations = ids.isEmpty() ? Map.of()
                : PartnerLocation.<PartnerLocation>list("partnerId in ?1 order by hromada", ids).stream()
                .collect(Collectors.groupingBy(l -> l.partnerId));
        List<PartnerSummary> items = found.stream().map(p -> new PartnerSummary(p.id, p.name, p.sector, p.active,
                List.copyOf(locations.getOrDefault(p.id, List.of()).stream().map(l -> l.hromada)
                        .collect(Collectors.toCollection(LinkedHashSet::new))),
                services.getOrDefault(p.id, List.of()).stream().map(ServiceBrief::of).toList())).toList();
        return PageView.of(items, page, size, total);
    }

    /** The whole profile of an organisation. */
    @Transactional
    public PartnerView view(UUID id) {
        return view(find(id));
    }

    public PartnerView view(Partner p) {
        List<PartnerLocation> locations = PartnerLocation.of(p.id);
        List<PartnerService> services = PartnerService.of(p.id);
        return PartnerViews.view(p, PartnerContact.of(p.id), locationViews(locations), serviceViews(services));
    }

    public List<LocationView> locationViews(List<PartnerLocation> locations) {
        Map<UUID, List<LocationHours>> hours = LocationHours.of(locations.stream().map(l -> l.id).toList()).stream()
                .collect(Collectors.groupingBy(h -> h.locationId));
        return locations.stream().map(l -> LocationView.of(l, hours.getOrDefault(l.id, List.of()))).toList();
    }

    public List<ServiceView> serviceViews(List<PartnerService> services) {
        Map<UUID, List<UUID>> at = locationsOf(services.stream().map(s -> s.id).toList());
        return services.stream().map(s -> ServiceView.of(s, at.getOrDefault(s.id, List.of()))).toList();
    }

    private static Map<UUID, List<UUID>> locationsOf(Collection<UUID> serviceIds) {
        Map<UUID, List<UUID>> at = new HashMap<>();
        for (ServiceAtLocation sal : ServiceAtLocation.ofServices(serviceIds)) {
            at.computeIfAbsent(sal.serviceId, k -> new ArrayList<>()).add(sal.locationId);
        }
        return at;
    }

    @Transactional
    public LocationView locationView(PartnerLocation l) {
        return locationViews(List.of(l)).get(0);
    }

    @Transactional
    public ServiceView serviceView(PartnerService s) {
        return serviceViews(List.of(s)).get(0);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
