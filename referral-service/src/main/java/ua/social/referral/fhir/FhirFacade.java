package ua.social.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import ua.social.contracts.code.ReferralStatus;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerService;
import ua.social.referral.referral.AccessLog;
import ua.social.referral.referral.Referral;
import ua.social.referral.referral.ReferralService;
import ua.social.referral.referral.ReferralService.ChangeQuery;
import ua.social.referral.referral.ReferralService.Changes;
import ua.social.referral.support.QueryChecks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The read-only FHIR R4 view of referrals: the same reach as the referral API (a partner its own sent
 * referrals; a case manager the caseload; a supervisor the community) and the same access log (the
 * ServiceRequest is the only resource with client data, and its read is logged).
 */
@ApplicationScoped
public class FhirFacade {

    /** The search parameters of {@code GET /fhir/Task}; any other is a 400. */
    public static final Set<String> TASK_SEARCH_PARAMETERS = Set.of("owner", "status", "_lastUpdated", "_count", "_offset",
            "_format");
    public static final int DEFAULT_COUNT = 20;

    @Inject
    ReferralService referrals;
    @Inject
    Clock clock;

    /** The Task of a referral in the caller's reach, else 404. */
    @Transactional
    public Task task(UUID id) {
        Referral r = referrals.inReach(id);
        return FhirResources.task(r, Partner.findById(r.partnerId));
    }

    /** The ServiceRequest of a referral in the caller's reach (else 404); a read that shows client data is logged. */
    @Transactional
    public ServiceRequest serviceRequest(UUID id) {
        Referral r = referrals.inReach(id);
        boolean withClient = referrals.showsClientData(r);
        if (withClient) {
            referrals.clientDataRead(r, AccessLog.Read.FHIR_SERVICE_REQUEST);
        }
        return FhirResources.serviceRequest(r, Partner.findById(r.partnerId),
                r.serviceId == null ? null : PartnerService.findById(r.serviceId), withClient);
    }

    /**
     * {@code GET /fhir/Task?owner=&status=&_lastUpdated=&_count=&_offset=}: a searchset of the Tasks in the
     * caller's reach, oldest change first. {@code selfUrl} and {@code base} make the bundle's links.
     */
    @Transactional
    public Bundle searchTasks(Map<String, List<String>> params, String base, String selfQuery) {
        QueryChecks.onlyKnown(params.keySet(), TASK_SEARCH_PARAMETERS);
        format(params.get("_format"));
        UUID owner = owner(single(params, "owner"));
        Set<ReferralStatus> statuses = statuses(params.get("status"));
        OffsetDateTime from = null;
        OffsetDateTime until = null;
        for (String v : params.getOrDefault("_lastUpdated", List.of())) {
            Bound b = bound(v);
            if (b.lower()) {
                from = from == null || b.at().isAfter(from) ? b.at() : from;
            } else {
                until = until == null || b.at().isBefore(until) ? b.at() : until;
            }
        }
        int count = number(single(params, "_count"), "_count", DEFAULT_COUNT, 1, PageView.MAX_SIZE);
        int offset = number(single(params, "_offset"), "_offset", 0, 0, Integer.MAX_VALUE - PageView.MAX_SIZE);
        Changes changes = referrals.changesInReach(new ChangeQuery(owner, statuses, from, until, offset, count));

        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        b.setTimestamp(Date.from(clock.instant()));
        b.setTotal((int) Math.min(Integer.MAX_VALUE, changes.total()));
        String self = base + "Task" + (selfQuery == null || selfQuery.isEmpty() ? "" : "?" + selfQuery);
        b.addLink().setRelation("self").setUrl(self);
        if (offset + changes.referrals().size() < changes.total()) {
            b.addLink().setRelation("next").setUrl(withOffset(base, selfQuery, offset + count));
        }
        for (Referral r : changes.referrals()) {
            b.addEntry().setFullUrl(base + FhirResources.taskUrl(r))
                    .setResource(FhirResources.task(r, changes.partners().get(r.partnerId)))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return b;
    }

    /** What this server offers: read of Task and ServiceRequest, search of Task, JSON only. */
    public CapabilityStatement capabilities(String base) {
        CapabilityStatement c = new CapabilityStatement();
        c.setStatus(Enumerations.PublicationStatus.ACTIVE);
        c.setDate(Date.from(clock.instant()));
        c.setPublisher("Social services platform");
        c.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        c.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        c.addFormat("json");
        c.getSoftware().setName("referral-service");
        c.getImplementation().setDescription("Referrals to partner organisations as FHIR R4 Task and ServiceRequest "
                + "(HL7 SDOH Clinical Care referral workflow), read-only").setUrl(base);
        CapabilityStatement.CapabilityStatementRestComponent rest = c.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Partner organisations send their API key in X-API-Key and see the referrals "
                + "sent to them; case managers and supervisors send a bearer token from Keycloak and see their "
                + "caseload or community. Errors are OperationOutcome resources.");
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource();
        task.setType("Task");
        task.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE)
                .setDocumentation("Oldest change first; unknown parameters are refused (400).");
        task.addSearchParam().setName("owner").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Organization/{partnerId}: the partner the referral is sent to");
        task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("Task.status codes, comma-separated for any of them");
        task.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("gt, ge, lt or le followed by an instant with an offset, at millisecond precision; "
                        + "repeat for a range. Poll with gt and the latest meta.lastUpdated seen.");
        task.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("Page size, 1-" + PageView.MAX_SIZE + ", default " + DEFAULT_COUNT);
        task.addSearchParam().setName("_offset").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("How many matches to skip; the bundle's next link carries it");
        CapabilityStatement.CapabilityStatementRestResourceComponent sr = rest.addResource();
        sr.setType("ServiceRequest");
        sr.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        sr.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ)
                .setDocumentation("Carries the client data the partner API shows (a contained Patient) while the client's "
                        + "consent to sharing holds; each such read is written to the referral's access log.");
        return c;
    }

    private record Bound(boolean lower, OffsetDateTime at) {
    }

    /**
     * One {@code _lastUpdated} value. meta.lastUpdated is shown to the millisecond while changes are stored
     * to the microsecond, so the comparisons are made at millisecond precision: {@code gt} the latest
     * lastUpdated seen returns only what changed after it.
     */
    private static Bound bound(String value) {
        if (value == null || value.length() < 3) {
            throw ProblemException.badRequest("_lastUpdated", "give gt, ge, lt or le followed by an instant, "
                    + "e.g. gt2026-12-01T09:30:00Z");
        }
        String prefix = value.substring(0, 2);
        if (!Set.of("gt", "ge", "lt", "le").contains(prefix)) {
            throw ProblemException.badRequest("_lastUpdated", "prefix '" + prefix + "' is not supported; "
                    + "use gt, ge, lt or le followed by an instant, e.g. gt2026-12-01T09:30:00Z");
        }
        OffsetDateTime at = QueryChecks.instant(value.substring(2), "_lastUpdated").truncatedTo(ChronoUnit.MILLIS);
        return switch (prefix) {
            case "gt" -> new Bound(true, at.plus(1, ChronoUnit.MILLIS));
            case "ge" -> new Bound(true, at);
            case "lt" -> new Bound(false, at);
            default -> new Bound(false, at.plus(1, ChronoUnit.MILLIS));
        };
    }

    private static UUID owner(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.trim().startsWith("Organization/") ? value.trim().substring("Organization/".length()) : value.trim();
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("owner", "'" + value + "' is not Organization/{partnerId} (a UUID)");
        }
    }

    private static Set<ReferralStatus> statuses(List<String> values) {
        Set<ReferralStatus> out = EnumSet.noneOf(ReferralStatus.class);
        if (values == null) {
            return out;
        }
        for (String v : values) {
            for (String code : v.split(",")) {
                String c = code.trim();
                ReferralStatus s = Arrays.stream(ReferralStatus.values()).filter(x -> x.fhirCode().equals(c))
                        .findFirst().orElseThrow(() -> ProblemException.badRequest("status", "unknown Task.status '" + c
                                + "'; allowed: " + Arrays.stream(ReferralStatus.values()).map(ReferralStatus::fhirCode)
                                .collect(Collectors.joining(", "))));
                out.add(s);
            }
        }
        return out;
    }

    private static void format(List<String> values) {
        if (values == null) {
            return;
        }
        for (String v : values) {
            if (!Set.of("json", "application/json", "application/fhir+json").contains(v.trim())) {
                throw ProblemException.badRequest("_format", "only json is offered here");
            }
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.badRequest(name, "give it once");
        }
        return values.get(0);
    }

    private static int number(String value, String name, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a whole number");
        }
    }

    private static String withOffset(String base, String query, int offset) {
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("_offset=")).collect(Collectors.joining("&"));
        return base + "Task?" + (kept.isEmpty() ? "" : kept + "&") + "_offset=" + offset;
    }
}
