package ua.social.reporting.support;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A simulated half-year of integrated social services in a few communities of 2019: clients apply,
 * cases are opened, assigned, transferred, closed and reopened, services are delivered and partners
 * answer referrals. It keeps the facts (for the ground truth) and the CloudEvents case-service and
 * referral-service would have published about them (for the broker), in the order they happened.
 *
 * <p>The communities get random KATOTTG codes, so this run's data is apart from every other test's
 * and from earlier runs that are still on the topics.
 */
public final class World {

    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String[] MODELS = {"INTENSIVE", "CLINICAL", "STRENGTHS_BASED", "BROKERAGE"};
    private static final String[] REASONS = {"GOALS_ACHIEVED", "GOALS_ACHIEVED", "GOALS_ACHIEVED",
            "TRANSFERRED_TO_ANOTHER_ORGANISATION", "MOVED_AWAY", "REFUSED_FURTHER_WORK", "DIED", "OTHER"};
    private static final String[] GROUPS = {"INTERNALLY_DISPLACED", "INTERNALLY_DISPLACED", "DISABILITY",
            "OLDER_PERSON", "FAMILY_WITH_CHILDREN_IN_DIFFICULTY", "VETERAN_OR_FAMILY", "UNEMPLOYED"};
    private static final String[] CATEGORIES = {"INFORMATION", "INFORMATION", "MATERIAL_ECONOMIC",
            "MATERIAL_ECONOMIC", "MATERIAL_ECONOMIC", "PSYCHOLOGICAL", "PSYCHOLOGICAL", "EDUCATIONAL", "HOUSING",
            "HOUSING", "MEDICAL", "LEGAL", "LEGAL", "PROTECTION_AND_SAFETY", "EMPLOYMENT"};
    private static final String[] SECTORS = {"HEALTH", "HEALTH", "HEALTH", "SOCIAL_PROTECTION", "SOCIAL_PROTECTION",
            "SOCIAL_PROTECTION", "LEGAL_AID", "LEGAL_AID", "EMPLOYMENT", "HOUSING", "PSYCHOLOGICAL_SUPPORT",
            "HUMANITARIAN", "CHILDREN_SERVICE", "EDUCATION"};
    private static final String[] NEEDS = {"HOUSING", "INCOME_AND_BENEFITS", "EMPLOYMENT", "PHYSICAL_HEALTH",
            "MENTAL_HEALTH", "DOCUMENTS_AND_LEGAL", "FAMILY_AND_PARENTING"};
    private static final String[] STAGES = {"CONTACT", "ASSESSMENT", "PLANNING", "IMPLEMENTATION", "MONITORING"};

    public record Community(String oblast, String hromada, List<String> managers) {
    }

    /** A person applying: an appeal, or a case opened without one. */
    public record Contact(String key, boolean appeal, UUID clientId, Community where, OffsetDateTime at,
                          Set<String> groups) {
    }

    /** What one case event says from its moment on (null = says nothing about it). */
    public record Change(String kind, OffsetDateTime at, String status, Community where, boolean setsManager,
                         String manager, String model, String reason) {
    }

    public static final class CaseFile {
        public UUID id;
        public UUID clientId;
        public UUID appealId;
        public Community openedIn;
        public String model;
        public Set<String> groups;
        public OffsetDateTime openedAt;
        public final List<Change> changes = new ArrayList<>();
        Community current;
        String manager;
        String stage = "CONTACT";
    }

    public record Service(UUID id, UUID caseId, UUID appealId, Community where, String category, LocalDate on) {
    }

    public record ReferralChange(String status, OffsetDateTime at) {
    }

    public static final class Referral {
        public UUID id;
        public UUID caseId;
        public String sector;
        public Community where;
        public OffsetDateTime requestedAt;
        public final List<ReferralChange> changes = new ArrayList<>();
    }

    /** A CloudEvent as it goes on the topic. */
    public record Event(String topic, String key, String id, String type, String source, String subject,
                        OffsetDateTime time, ObjectNode data) {
    }

    public final List<Community> communities = new ArrayList<>();
    public final List<Contact> contacts = new ArrayList<>();
    public final List<CaseFile> cases = new ArrayList<>();
    public final List<Service> services = new ArrayList<>();
    public final List<Referral> referrals = new ArrayList<>();
    public final List<Event> events = new ArrayList<>();
    /** Communities whose data is published but not part of the ground truth (e.g. a demo supervisor's). */
    public final List<Community> extra = new ArrayList<>();

    private final Random random;
    private final Set<Long> usedSeconds = new HashSet<>();

    private World(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param seed            the random seed (logged by the caller, to reproduce a run)
     * @param supervisorHromada a real community whose supervisor the tests sign in as; gets a few clients
     *                          that are not part of the ground truth (earlier runs add to it too)
     */
    public static World generate(long seed, String supervisorHromada) {
        World w = new World(seed);
        String[][] layout = {{"UA-12", "56"}, {"UA-12", "22"}, {"UA-63", "38"}, {"UA-63", "7"}, {"UA-71", "30"},
                {"UA-71", "4"}};
        String sharedManager = "kc-" + UUID.randomUUID();
        for (int i = 0; i < layout.length; i++) {
            String oblast = layout[i][0];
            List<String> managers = new ArrayList<>();
            int poolSize = 2 + w.random.nextInt(4);
            for (int m = 0; m < poolSize; m++) {
                managers.add("kc-" + UUID.randomUUID());
            }
            if (i < 2) {
                managers.add(sharedManager);
            }
            w.communities.add(new Community(oblast, w.randomHromada(oblast), managers));
        }
        for (int i = 0; i < layout.length; i++) {
            int clients = Integer.parseInt(layout[i][1]);
            for (int c = 0; c < clients; c++) {
                // some first appeals in the small hours of the 1st of a month, Kyiv time: still the previous
                // month in UTC, so a day counted in the wrong zone shows in the monthly tables
                OffsetDateTime night = i % 2 == 0 && c < 8
                        ? LocalDate.of(2019, 4 + i / 2, 1).atTime(0, 5 + 7 * c).atZone(KYIV).toOffsetDateTime() : null;
                w.client(w.communities.get(i), w.communities, night);
            }
        }
        Community supervisors = new Community("UA-" + supervisorHromada.substring(2, 4), supervisorHromada,
                List.of("kc-" + UUID.randomUUID(), "kc-" + UUID.randomUUID()));
        w.extra.add(supervisors);
        World side = new World(seed + 1);
        for (int c = 0; c < 12; c++) {
            side.client(supervisors, List.of(supervisors), null);
        }
        w.events.addAll(side.events);
        w.events.sort(Comparator.comparing(Event::time).thenComparing(Event::id));
        return w;
    }

    private String randomHromada(String oblast) {
        StringBuilder b = new StringBuilder("UA").append(oblast, 3, 5);
        for (int i = 0; i < 15; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    // --- the life of one client ----------------------------------------------------------------------

    private void client(Community home, List<Community> region, OffsetDateTime firstAppeal) {
        UUID clientId = UUID.randomUUID();
        Set<String> groups = groups();
        OffsetDateTime first = firstAppeal != null ? unique(firstAppeal.minusMinutes(5))
                : instant(LocalDate.of(2018, 12, 1), 227);
        event(TestTopics.caseEvents(), clientId, "ua.social.case.client-registered", clientId, first, clientRegistered(clientId,
                home, groups, first));
        boolean outreach = firstAppeal == null && random.nextInt(100) < 12;
        List<Contact> appeals = new ArrayList<>();
        if (!outreach) {
            int count = 1 + (random.nextInt(100) < 35 ? 1 + random.nextInt(2) : 0);
            OffsetDateTime at = first.plusMinutes(5);
            for (int a = 0; a < count; a++) {
                Community where = a > 0 && random.nextInt(100) < 15 ? region.get(random.nextInt(region.size())) : home;
                Set<String> appealGroups = random.nextInt(100) < 20 ? groups() : groups;
                at = unique(a == 0 ? at : at.plusDays(10 + random.nextInt(70)).plusSeconds(random.nextInt(86_400)));
                appeals.add(appeal(clientId, where, at, appealGroups));
            }
        }
        if (outreach || random.nextInt(100) < 60) {
            Contact basis = appeals.isEmpty() ? null : appeals.get(0);
            Community where = basis == null ? home : basis.where();
            OffsetDateTime openedAt = unique(basis == null ? first.plusHours(2)
                    : basis.at().plusDays(1 + random.nextInt(10)).plusSeconds(random.nextInt(40_000)));
            lifeOfCase(clientId, basis, where, openedAt, groups, region);
        }
        for (Contact appeal : appeals) {
            if (random.nextInt(100) < 30) {
                LocalDate on = appeal.at().atZoneSameInstant(KYIV).toLocalDate().plusDays(random.nextInt(3));
                service(null, UUID.fromString(appeal.key().substring(2)), clientId, appeal.where(), on,
                        appeal.at().plusHours(1));
            }
        }
    }

    private Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        int n = random.nextInt(100) < 25 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            groups.add(GROUPS[random.nextInt(GROUPS.length)]);
        }
        return groups;
    }

    private Contact appeal(UUID clientId, Community where, OffsetDateTime at, Set<String> groups) {
        UUID appealId = UUID.randomUUID();
        Contact c = new Contact("A:" + appealId, true, clientId, where, at, groups);
        contacts.add(c);
        ObjectNode d = JSON.createObjectNode();
        d.put("appealId", appealId.toString());
        d.put("clientId", clientId.toString());
        region(d, where);
        d.put("receivedAt", format(at));
        d.put("channel", pick(new String[]{"IN_PERSON", "PHONE", "ONLINE", "OUTREACH", "REFERRED_BY_AGENCY"}));
        ArrayNode needs = d.putArray("needDomains");
        needs.add(pick(NEEDS));
        groupsField(d, groups);
        event(TestTopics.caseEvents(), clientId, "ua.social.case.appeal-recorded", appealId, at, d);
        return c;
    }

    private void lifeOfCase(UUID clientId, Contact basis, Community where, OffsetDateTime openedAt, Set<String> groups,
                            List<Community> region) {
        CaseFile c = new CaseFile();
        c.id = UUID.randomUUID();
        c.clientId = clientId;
        c.appealId = basis == null ? null : UUID.fromString(basis.key().substring(2));
        c.openedIn = where;
        c.current = where;
        c.model = pick(MODELS);
        c.groups = groups;
        c.openedAt = openedAt;
        cases.add(c);
        if (basis == null) {
            contacts.add(new Contact("C:" + c.id, false, clientId, where, openedAt, groups));
        }
        event(TestTopics.caseEvents(), c.id, "ua.social.case.opened", c.id, openedAt, opened(c));
        c.changes.add(new Change("OPENED", openedAt, "ACTIVE", where, false, null, c.model, null));

        OffsetDateTime t = openedAt.plusHours(1).plusSeconds(random.nextInt(600));
        assign(c, pick(where.managers()), t);
        t = t.plusHours(1);
        consent(c, t);
        t = t.plusDays(1);
        stage(c, "ASSESSMENT", t);
        t = t.plusDays(2);
        plan(c, t);
        stage(c, "PLANNING", t.plusHours(2));
        stage(c, "IMPLEMENTATION", t.plusHours(4));

        OffsetDateTime transferAt = random.nextInt(100) < 12 ? t.plusDays(15 + random.nextInt(25)) : null;
        OffsetDateTime closeAt = random.nextInt(100) < 45 ? t.plusDays(45 + random.nextInt(110)) : null;
        OffsetDateTime horizon = closeAt != null ? closeAt : t.plusDays(160);

        int referralCount = random.nextInt(100) < 70 ? 1 + random.nextInt(3) : 0;
        for (int r = 0; r < referralCount; r++) {
            referral(c, unique(t.plusDays(1 + random.nextInt(10)).plusSeconds(random.nextInt(80_000))));
        }
        Community to = transferAt == null ? where : region.get(random.nextInt(region.size()));
        if (to.equals(where) || (closeAt != null && !transferAt.isBefore(closeAt))) {
            transferAt = null;
            to = where;
        }
        int serviceCount = random.nextInt(4);
        for (int s = 0; s < serviceCount; s++) {
            OffsetDateTime at = unique(t.plusDays(random.nextInt(40)).plusSeconds(random.nextInt(80_000)));
            if (at.isBefore(horizon)) {
                service(c.id, c.appealId, clientId, transferAt != null && at.isAfter(transferAt) ? to : where,
                        at.atZoneSameInstant(KYIV).toLocalDate(), at);
            }
        }
        if (transferAt != null) {
            transfer(c, to, unique(transferAt));
        }
        if (closeAt != null) {
            close(c, unique(closeAt));
            if (random.nextInt(100) < 30) {
                OffsetDateTime reopenAt = unique(closeAt.plusDays(5 + random.nextInt(15)));
                reopen(c, reopenAt);
                if (random.nextBoolean()) {
                    close(c, unique(reopenAt.plusDays(10 + random.nextInt(30))));
                }
            }
        }
    }

    private void assign(CaseFile c, String manager, OffsetDateTime at) {
        String previous = c.manager;
        c.manager = manager;
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        region(d, c.current);
        d.put("caseManagerId", manager);
        d.put("caseManagerUsername", "manager-" + manager.substring(3, 11));
        d.put("previousCaseManagerId", previous);
        d.put("model", c.model);
        d.put("caseloadOverride", false);
        d.put("assignedAt", format(at));
        event(TestTopics.caseEvents(), c.id, "ua.social.case.assigned", c.id, at, d);
        c.changes.add(new Change("ASSIGNED", at, null, c.current, true, manager, c.model, null));
    }

    private void consent(CaseFile c, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        d.put("hromada", c.current.hromada());
        d.put("processing", true);
        d.put("sharingWithPartners", true);
        d.put("givenAt", format(at));
        d.putNull("withdrawnAt");
        event(TestTopics.caseEvents(), c.id, "ua.social.case.consent-changed", c.id, at, d);
    }

    private void stage(CaseFile c, String to, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        region(d, c.current);
        d.put("from", c.stage);
        d.put("to", to);
        d.put("changedAt", format(at));
        c.stage = to;
        event(TestTopics.caseEvents(), c.id, "ua.social.case.stage-changed", c.id, at, d);
    }

    private void plan(CaseFile c, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        region(d, c.current);
        d.put("revision", 1);
        d.put("goals", 2 + random.nextInt(3));
        d.put("actions", 3 + random.nextInt(5));
        d.put("partnerActions", random.nextInt(3));
        d.put("revisedAt", format(at));
        event(TestTopics.caseEvents(), c.id, "ua.social.case.plan-revised", UUID.randomUUID(), at, d);
    }

    private void transfer(CaseFile c, Community to, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        d.put("fromOblast", c.current.oblast());
        d.put("fromHromada", c.current.hromada());
        d.put("fromCaseManagerId", c.manager);
        String manager = pick(to.managers());
        d.put("toOblast", to.oblast());
        d.put("toHromada", to.hromada());
        d.put("toCaseManagerId", manager);
        d.put("transferredAt", format(at));
        event(TestTopics.caseEvents(), c.id, "ua.social.case.transferred", c.id, at, d);
        c.current = to;
        c.manager = manager;
        c.changes.add(new Change("TRANSFERRED", at, null, to, true, manager, null, null));
    }

    private void close(CaseFile c, OffsetDateTime at) {
        String reason = pick(REASONS);
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        region(d, c.current);
        d.put("fromStage", c.stage);
        d.put("reason", reason);
        d.put("caseManagerId", c.manager);
        d.put("model", c.model);
        d.put("openedAt", format(c.openedAt));
        d.put("closedAt", format(at));
        c.stage = "CLOSED";
        event(TestTopics.caseEvents(), c.id, "ua.social.case.closed", c.id, at, d);
        c.changes.add(new Change("CLOSED", at, "CLOSED", c.current, true, c.manager, c.model, reason));
    }

    private void reopen(CaseFile c, OffsetDateTime at) {
        c.stage = STAGES[1];
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        region(d, c.current);
        d.put("stage", c.stage);
        d.put("caseManagerId", c.manager);
        d.put("reopenedAt", format(at));
        event(TestTopics.caseEvents(), c.id, "ua.social.case.reopened", c.id, at, d);
        c.changes.add(new Change("REOPENED", at, "ACTIVE", c.current, true, c.manager, null, null));
    }

    private void service(UUID caseId, UUID appealId, UUID clientId, Community place, LocalDate on, OffsetDateTime at) {
        Service s = new Service(UUID.randomUUID(), caseId, appealId, place, pick(CATEGORIES), on);
        services.add(s);
        event(TestTopics.caseEvents(), caseId != null ? caseId : clientId, "ua.social.case.service-delivered", s.id(), at,
                serviceData(s.id(), caseId, appealId, clientId, place, s.category(), on));
    }

    private static ObjectNode serviceData(UUID serviceId, UUID caseId, UUID appealId, UUID clientId, Community place,
                                          String category, LocalDate on) {
        ObjectNode d = JSON.createObjectNode();
        d.put("serviceId", serviceId.toString());
        d.put("caseId", caseId == null ? null : caseId.toString());
        d.put("appealId", appealId == null ? null : appealId.toString());
        d.put("clientId", clientId.toString());
        region(d, place);
        d.put("category", category);
        d.put("deliveredOn", on.toString());
        return d;
    }

    /**
     * A service delivered on a day (at noon, Kyiv time) to a client of its own on an appeal of its own, outside
     * any world: for tests that need a known count in a community of their own.
     */
    public static Event serviceDelivered(Community where, String category, LocalDate on) {
        UUID id = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        ObjectNode d = serviceData(id, null, UUID.randomUUID(), client, where, category, on);
        OffsetDateTime at = on.atTime(12, 0).atZone(KYIV).toOffsetDateTime();
        return new Event(TestTopics.caseEvents(), client.toString(), UUID.randomUUID().toString(),
                "ua.social.case.service-delivered", "/case-service", id.toString(), at, d);
    }

    private void referral(CaseFile c, OffsetDateTime createdAt) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.sector = pick(SECTORS);
        r.where = c.current;
        referrals.add(r);
        UUID partnerId = UUID.nameUUIDFromBytes(r.sector.getBytes());
        String urgency = pick(new String[]{"ROUTINE", "ROUTINE", "URGENT", "EMERGENCY"});
        String category = pick(CATEGORIES);
        OffsetDateTime requestedAt = unique(createdAt.plusHours(1 + random.nextInt(20)));
        r.requestedAt = requestedAt;
        referralEvent(r, c, partnerId, urgency, category, "DRAFT", null, createdAt, "REFERRING_SIDE", null, null);
        referralEvent(r, c, partnerId, urgency, category, "REQUESTED", "DRAFT", requestedAt, "REFERRING_SIDE", null, null);
        int roll = random.nextInt(100);
        OffsetDateTime t = requestedAt.plusSeconds(3600L + random.nextInt(240 * 3600));
        if (roll < 55) {
            referralEvent(r, c, partnerId, urgency, category, "ACCEPTED", "REQUESTED", t, "PARTNER", null, null);
            t = t.plusDays(1 + random.nextInt(3));
            referralEvent(r, c, partnerId, urgency, category, "IN_PROGRESS", "ACCEPTED", t, "PARTNER", null, null);
            String previous = "IN_PROGRESS";
            if (random.nextInt(100) < 15) {
                t = t.plusDays(2);
                referralEvent(r, c, partnerId, urgency, category, "ON_HOLD", "IN_PROGRESS", t, "PARTNER",
                        "Клієнт тимчасово недоступний", null);
                t = t.plusDays(5);
                referralEvent(r, c, partnerId, urgency, category, "IN_PROGRESS", "ON_HOLD", t, "PARTNER", null, null);
            }
            t = t.plusDays(5 + random.nextInt(40));
            if (random.nextInt(100) < 75) {
                referralEvent(r, c, partnerId, urgency, category, "COMPLETED", previous, t, "PARTNER", null,
                        "Послугу надано");
            } else {
                referralEvent(r, c, partnerId, urgency, category, "FAILED", previous, t, "PARTNER",
                        "Не вдалося зв'язатися", null);
            }
        } else if (roll < 75) {
            referralEvent(r, c, partnerId, urgency, category, "REJECTED", "REQUESTED", t, "PARTNER",
                    "Немає місць", null);
        } else if (roll < 80) {
            referralEvent(r, c, partnerId, urgency, category, "CANCELLED", "REQUESTED",
                    requestedAt.plusHours(1 + random.nextInt(90)), "REFERRING_SIDE", "Потреба відпала", null);
        } else if (roll < 85) {
            // Sent to the wrong partner, who accepted it: recorded in error, it counts nowhere, not even in the
            // response times (FHIR entered-in-error).
            referralEvent(r, c, partnerId, urgency, category, "ACCEPTED", "REQUESTED", t, "PARTNER", null, null);
            referralEvent(r, c, partnerId, urgency, category, "ENTERED_IN_ERROR", "ACCEPTED",
                    t.plusHours(1 + random.nextInt(90)), "REFERRING_SIDE", "Не той партнер", null);
        } else {
            ObjectNode d = JSON.createObjectNode();
            d.put("referralId", r.id.toString());
            d.put("caseId", c.id.toString());
            d.put("partnerId", partnerId.toString());
            d.put("partnerSector", r.sector);
            region(d, r.where);
            d.put("urgency", urgency);
            d.put("requestedAt", format(requestedAt));
            d.put("responseDueAt", format(requestedAt.plusHours(72)));
            OffsetDateTime flagged = requestedAt.plusHours(73);
            d.put("flaggedAt", format(flagged));
            event(TestTopics.referralEvents(), c.id, "ua.social.referral.response-overdue", r.id, flagged, d);
        }
    }

    private void referralEvent(Referral r, CaseFile c, UUID partnerId, String urgency, String category, String status,
                               String previous, OffsetDateTime at, String changedBy, String reason, String outcome) {
        r.changes.add(new ReferralChange(status, at));
        ObjectNode d = JSON.createObjectNode();
        d.put("referralId", r.id.toString());
        d.put("caseId", c.id.toString());
        d.putNull("planActionId");
        d.put("partnerId", partnerId.toString());
        d.put("partnerName", "Партнер " + r.sector);
        d.put("partnerSector", r.sector);
        d.putNull("serviceId");
        d.put("serviceCategory", category);
        region(d, r.where);
        d.put("urgency", urgency);
        d.put("status", status);
        d.put("previousStatus", previous);
        d.put("reason", reason);
        d.put("outcome", outcome);
        d.put("requestedAt", "DRAFT".equals(status) ? null : format(r.requestedAt));
        d.put("changedAt", format(at));
        d.put("changedBy", changedBy);
        String type = "ua.social.referral." + ("DRAFT".equals(status) ? "created"
                : status.toLowerCase().replace('_', '-'));
        event(TestTopics.referralEvents(), c.id, type, r.id, at, d);
    }

    // --- event data ----------------------------------------------------------------------------------

    private ObjectNode clientRegistered(UUID clientId, Community home, Set<String> groups, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("clientId", clientId.toString());
        region(d, home);
        groupsField(d, groups);
        d.put("registeredAt", format(at));
        return d;
    }

    private ObjectNode opened(CaseFile c) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", c.id.toString());
        d.put("caseNumber", "2019-" + c.id.toString().substring(0, 6));
        d.put("clientId", c.clientId.toString());
        d.put("clientKind", random.nextInt(100) < 30 ? "FAMILY" : "PERSON");
        d.put("appealId", c.appealId == null ? null : c.appealId.toString());
        region(d, c.openedIn);
        d.put("model", c.model);
        d.put("teamArrangement", pick(new String[]{"MULTIDISCIPLINARY", "INTERDISCIPLINARY", "TRANSDISCIPLINARY"}));
        d.putArray("criteria").add("ADDITIONAL_RESOURCES_NEEDED");
        d.put("openedWithoutCriteria", false);
        groupsField(d, c.groups);
        d.put("consentToShare", true);
        d.put("openedAt", format(c.openedAt));
        return d;
    }

    private static void region(ObjectNode d, Community c) {
        d.put("oblast", c.oblast());
        d.put("hromada", c.hromada());
    }

    private void groupsField(ObjectNode d, Set<String> groups) {
        if (groups.isEmpty() && random.nextBoolean()) {
            d.putNull("vulnerableGroups");
        } else {
            ArrayNode a = d.putArray("vulnerableGroups");
            groups.forEach(a::add);
        }
    }

    private void event(String topic, UUID key, String type, UUID subject, OffsetDateTime at, ObjectNode data) {
        events.add(new Event(topic, key.toString(), UUID.randomUUID().toString(), type,
                topic.startsWith("case") ? "/case-service" : "/referral-service", subject.toString(), at, data));
    }

    /** Times are written with the Kyiv offset or in UTC, as producers may. */
    private String format(OffsetDateTime at) {
        boolean utc = (at.toEpochSecond() % 3) == 0;
        return (utc ? at.withOffsetSameInstant(ZoneOffset.UTC) : at.atZoneSameInstant(KYIV).toOffsetDateTime())
                .format(INSTANT);
    }

    private OffsetDateTime instant(LocalDate from, int days) {
        ZonedDateTime z = from.atStartOfDay(KYIV).plusSeconds((long) random.nextInt(days) * 86_400
                + random.nextInt(86_400));
        return unique(z.toOffsetDateTime());
    }

    /** No two facts of the simulation share a second, so no order between them is left to chance. */
    private OffsetDateTime unique(OffsetDateTime at) {
        OffsetDateTime t = at.withNano(0);
        while (!usedSeconds.add(t.toEpochSecond())) {
            t = t.plus(Duration.ofSeconds(1));
        }
        return t;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
