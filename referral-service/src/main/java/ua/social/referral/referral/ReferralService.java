package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.referral.casefile.CaseProjection;
import ua.social.referral.config.ReferralConfig;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerService;
import ua.social.referral.referral.ReferralViews.AccessView;
import ua.social.referral.referral.ReferralCommands.CreateReferralRequest;
import ua.social.referral.referral.ReferralViews.PartnerReferralSummary;
import ua.social.referral.referral.ReferralViews.PartnerReferralView;
import ua.social.referral.referral.ReferralViews.ReferralSummary;
import ua.social.referral.referral.ReferralViews.ReferralView;
import ua.social.referral.referral.ReferralViews.StatusChangeView;
import ua.social.referral.referral.ReferralCommands.TransitionRequest;
import ua.social.referral.support.Time;
import ua.social.identity.web.Versions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Making referrals and moving them through their life (rules in {@link ReferralStatus}), from either
 * side; every status change is kept in the history and emitted to referral.events in the same
 * transaction. Every read that shows a referral's client data is written to the {@link AccessLog} in the
 * reading transaction.
 */
@ApplicationScoped
public class ReferralService {

    @Inject
    Clock clock;
    @Inject
    ReferralAccess access;
    @Inject
    ReferralEvents events;
    @Inject
    ReferralConfig config;
    @Inject
    AccessLog accessLog;

    /** Which referrals a list shows. */
    public record Filter(UUID caseId, UUID partnerId, ReferralStatus status, Urgency urgency, Boolean pending,
                         Boolean overdue) {
    }

    // ---------------------------------------------------------------- the referring side

    @Transactional
    public Referral create(CreateReferralRequest req) {
        Caller caller = access.caller();
        CaseProjection c = access.caseInReach(req.caseId());
        requireShareable(c);
        Partner partner = Partner.findById(req.partnerId());
        if (partner == null) {
            throw ProblemException.badRequest("partnerId", "no such partner in the directory");
        }
        if (!partner.active) {
            throw ProblemException.conflict("partner-inactive", "Partner inactive",
                    "Partner " + partner.name + " is deactivated in the directory and takes no referrals.");
        }
        Referral r = new Referral();
        if (req.serviceId() != null) {
            PartnerService s = PartnerService.findById(req.serviceId());
            if (s == null || !s.partnerId.equals(partner.id)) {
                throw ProblemException.badRequest("serviceId", "is not a service of this partner");
            }
            if (!s.active) {
                throw ProblemException.conflict("service-inactive", "Service inactive",
                        "Service " + s.name + " is not offered at the moment.");
            }
            if (req.serviceCategory() != null && req.serviceCategory() != s.category) {
                throw ProblemException.badRequest("serviceCategory", "differs from the service's category " + s.category);
            }
            r.serviceId = s.id;
            r.serviceCategory = s.category;
        } else if (req.serviceCategory() == null) {
            throw ProblemException.badRequest("serviceCategory", "give the service, or at least the service category");
        } else {
            r.serviceCategory = req.serviceCategory();
        }
        OffsetDateTime now = Time.now(clock);
        r.id = UUID.randomUUID();
        r.caseId = c.caseId;
        r.partnerId = partner.id;
        r.planActionId = req.planActionId();
        r.oblast = c.oblast;
        r.hromada = c.hromada;
        r.urgency = req.urgency();
        r.reason = req.reason().trim();
        r.desiredDate = req.desiredDate();
        r.status = ReferralStatus.DRAFT;
        r.clientFullName = req.client().fullName().trim();
        r.clientDateOfBirth = req.client().dateOfBirth();
        r.clientPhone = blankToNull(req.client().phone());
        r.clientNotes = blankToNull(req.client().notes());
        r.createdAt = now;
        r.createdBy = caller.username();
        r.updatedAt = now;
        r.persist();
        record(r, null, Side.REFERRING_SIDE, caller.username(), null, now);
        events.statusChanged(r, partner, null, null, Side.REFERRING_SIDE, now);
        return r;
    }

    /** The referring side moves a referral (send it, cancel it, mark it entered in error). */
    @Transactional
    public Referral moveByReferringSide(UUID id, String ifMatch, TransitionRequest req) {
        return move(access.referringSide(id), ifMatch, req, Side.REFERRING_SIDE, access.caller().username());
    }

    /** The partner moves one of its referrals (accept, reject, start, hold, complete, fail, cancel). */
    @Transactional
    public Referral moveByPartner(UUID id, String ifMatch, TransitionRequest req) {
        return move(access.partnerSide(id), ifMatch, req, Side.PARTNER, access.caller().displayName());
    }

    private Referral move(Referral r, String ifMatch, TransitionRequest req, Side side, String who) {
        Versions.check(ifMatch, r.version);
        ReferralStatus from = r.status;
        ReferralStatus to = req.status();
        ReferralMoves.requireMove(from, side, to);
        String reason = blankToNull(req.reason());
        String outcome = blankToNull(req.outcome());
        if (ReferralMoves.needsReason(to) && reason == null) {
            throw ProblemException.badRequest("reason", "required when the status becomes " + to);
        }
        if (reason != null && !ReferralMoves.takesReason(to)) {
            throw ProblemException.badRequest("reason", "is given only with REJECTED, FAILED, CANCELLED, ON_HOLD or ENTERED_IN_ERROR");
        }
        if (ReferralMoves.needsOutcome(to) && outcome == null) {
            throw ProblemException.badRequest("outcome", "required when the status becomes " + to);
        }
        if (outcome != null && !ReferralMoves.needsOutcome(to)) {
            throw ProblemException.badRequest("outcome", "is given only with COMPLETED; add a note instead");
        }
        OffsetDateTime now = Time.now(clock);
        if (to == ReferralStatus.REQUESTED) {
            requireShareable(CaseProjection.findById(r.caseId));
            Partner partner = Partner.findById(r.partnerId);
            if (!partner.active) {
                throw ProblemException.conflict("partner-inactive", "Partner inactive",
                        "Partner " + partner.name + " is deactivated in the directory and takes no referrals.");
            }
            r.requestedAt = now;
            r.responseDueAt = ResponseDue.of(config.responseDeadlines()).after(now, r.urgency);
        }
        if (to == ReferralStatus.ACCEPTED || to == ReferralStatus.REJECTED) {
            r.respondedAt = now;
        }
        r.status = to;
        if (reason != null) {
            r.statusReason = reason;
        }
        if (outcome != null) {
            r.outcome = outcome;
        }
        r.updatedAt = now;
        record(r, from, side, who, reason, now);
        events.statusChanged(r, Partner.findById(r.partnerId), from, reason, side, now);
        return r;
    }

    private static void requireShareable(CaseProjection c) {
        if (c.closed) {
            throw ProblemException.conflict("case-closed", "Case closed",
                    "The case is closed; a supervisor can reopen it before a referral is made.");
        }
        if (!c.sharingConsent) {
            throw new ProblemException(Problem.of(409, "sharing-consent-missing", "No consent to share with partners",
                    "The client's informed consent to sharing data with partners is not recorded on this case "
                            + "(or was withdrawn); record it in the case before referring.").with("caseId", c.caseId));
        }
    }

    private static void record(Referral r, ReferralStatus from, Side side, String who, String reason,
                               OffsetDateTime at) {
        StatusChange sc = new StatusChange();
        sc.referralId = r.id;
        sc.fromStatus = from;
        sc.toStatus = r.status;
        sc.side = side;
        sc.changedBy = who;
        sc.reason = reason;
        sc.outcome = r.status == ReferralStatus.COMPLETED ? r.outcome : null;
        sc.changedAt = at;
        sc.persist();
    }

    // ---------------------------------------------------------------- notes

    @Transactional
    public ReferralNote noteByReferringSide(UUID id, String text) {
        return note(access.referringSide(id), Side.REFERRING_SIDE, access.caller().username(), text);
    }

    @Transactional
    public ReferralNote noteByPartner(UUID id, String text) {
        return note(access.partnerSide(id), Side.PARTNER, access.caller().displayName(), text);
    }

    private ReferralNote note(Referral r, Side side, String author, String text) {
        ReferralNote n = new ReferralNote();
        n.id = UUID.randomUUID();
        n.referralId = r.id;
        n.side = side;
        n.author = author;
        n.text = text.trim();
        n.createdAt = Time.now(clock);
        n.persist();
        return n;
    }

    // ---------------------------------------------------------------- reading

    /** The referral with its client data for the referring side (reach checked); the read is logged. */
    @Transactional
    public ReferralView viewForReferringSide(UUID id, AccessLog.Read what) {
        return referringView(access.referringSide(id), what);
    }

    /** The referral as the referring side sees it, with its client data; the read is logged. */
    @Transactional
    public ReferralView referringView(Referral r, AccessLog.Read what) {
        accessLog.read(access.caller(), r.id, what);
        return ReferralView.of(r, Partner.findById(r.partnerId),
                r.serviceId == null ? null : PartnerService.findById(r.serviceId), StatusChange.of(r.id),
                ReferralNote.of(r.id));
    }

    /** Who read the referral's client data, newest first (a supervisor of the case's community; 404 otherwise). */
    @Transactional
    public PageView<AccessView> accessLog(UUID id, int page, int size) {
        access.supervisedReferral(id);
        return PageView.of(accessLog.of(id, page, size).stream().map(AccessView::of).toList(), page, size,
                accessLog.count(id));
    }

    /** A replayed creation (Idempotency-Key) shows the client data again: logged like the first answer. */
    @Transactional
    /** A replayed creation shows the client data again: reach re-checked (404 outside it), the read logged. */
    public void creationReplayed(UUID id) {
        access.referringSide(id);
        accessLog.read(access.caller(), id, AccessLog.Read.REFERRAL_CREATED);
    }

    /** The calling partner's referral, else 404 (a replayed note re-checks this). */
    public void partnerReach(UUID id) {
        access.partnerSide(id);
    }

    /** The status history alone (no client data, so not a logged read). */
    @Transactional
    public List<StatusChangeView> historyForReferringSide(UUID id) {
        return StatusChange.of(access.referringSide(id).id).stream().map(StatusChangeView::of).toList();
    }

    /** The calling partner's referral; a read that shows the client data is logged. */
    @Transactional
    public PartnerReferralView viewForPartner(UUID id, AccessLog.Read what) {
        Referral r = access.partnerSide(id);
        boolean share = shareable(r.caseId);
        if (share) {
            accessLog.read(access.caller(), r.id, what);
        }
        return PartnerReferralView.of(r, r.serviceId == null ? null : PartnerService.findById(r.serviceId),
                share, StatusChange.of(r.id), ReferralNote.of(r.id));
    }

    /** Whether the client's data may be shown to the partner now (consent to sharing still active). */
    private static boolean shareable(UUID caseId) {
        CaseProjection c = CaseProjection.findById(caseId);
        return c != null && c.sharingConsent;
    }

    /** Referrals of the referring caller's reach: a case manager's caseload, a supervisor's community. */
    @Transactional
    public PageView<ReferralSummary> listForReferringSide(Filter f, int page, int size) {
        Caller caller = access.caller();
        StringBuilder q = new StringBuilder("from Referral r where ");
        Map<String, Object> params = new HashMap<>();
        if (caller.hasRole(Roles.SUPERVISOR) && caller.jurisdiction().hasHromada()) {
            q.append("r.hromada = :hromada");
            params.put("hromada", caller.jurisdiction().hromada());
        } else {
            q.append("r.caseId in (select c.caseId from CaseProjection c where c.caseManagerId = :me)");
            params.put("me", caller.id());
        }
        if (f.caseId() != null) {
            q.append(" and r.caseId = :caseId");
            params.put("caseId", f.caseId());
        }
        if (f.partnerId() != null) {
            q.append(" and r.partnerId = :partnerId");
            params.put("partnerId", f.partnerId());
        }
        filter(q, params, f);
        return summaries(q, params, page, size);
    }

    /** Referrals of one case in the referring caller's reach (404 otherwise). */
    @Transactional
    public PageView<ReferralSummary> listOfCase(UUID caseId, Filter f, int page, int size) {
        access.caseInReach(caseId);
        StringBuilder q = new StringBuilder("from Referral r where r.caseId = :caseId");
        Map<String, Object> params = new HashMap<>();
        params.put("caseId", caseId);
        filter(q, params, f);
        return summaries(q, params, page, size);
    }

    private static PageView<ReferralSummary> summaries(StringBuilder q, Map<String, Object> params, int page, int size) {
        long total = Referral.count(q.toString(), params);
        List<Referral> found = Referral.<Referral>find(q + " order by r.createdAt desc, r.id", params)
                .page(Page.of(page, size)).list();
        Map<UUID, Partner> partners = partners(found.stream().map(r -> r.partnerId).collect(Collectors.toSet()));
        return PageView.of(found.stream().map(r -> ReferralSummary.of(r, partners.get(r.partnerId))).toList(),
                page, size, total);
    }

    /**
     * The calling partner's inbound referrals (never drafts), newest first; with {@code updatedSince}, only
     * those changed at or after that instant, oldest change first (for incremental polling).
     */
    @Transactional
    public PageView<PartnerReferralSummary> listForPartner(Filter f, OffsetDateTime updatedSince, int page, int size) {
        StringBuilder q = new StringBuilder("from Referral r where r.partnerId = :partnerId and r.requestedAt is not null");
        Map<String, Object> params = new HashMap<>();
        params.put("partnerId", access.partnerId());
        filter(q, params, f);
        if (updatedSince != null) {
            q.append(" and r.updatedAt >= :updatedSince");
            params.put("updatedSince", updatedSince);
        }
        long total = Referral.count(q.toString(), params);
        String order = updatedSince != null ? " order by r.updatedAt, r.id" : " order by r.requestedAt desc, r.id";
        List<Referral> found = Referral.<Referral>find(q + order, params)
                .page(Page.of(page, size)).list();
        Set<UUID> consenting = found.isEmpty() ? Set.of() : CaseProjection.<CaseProjection>list(
                        "caseId in ?1 and sharingConsent = true", found.stream().map(r -> r.caseId).distinct().toList())
                .stream().map(c -> c.caseId).collect(Collectors.toSet());
        accessLog.read(access.caller(), found.stream().filter(r -> consenting.contains(r.caseId)).map(r -> r.id).toList(),
                AccessLog.Read.LIST_CLIENT_NAME);
        return PageView.of(found.stream().map(r -> PartnerReferralSummary.of(r, consenting.contains(r.caseId))).toList(),
                page, size, total);
    }

    /**
     * What a change feed asks for: referrals of one partner (null: any), in some statuses (empty: any),
     * changed at or after {@code from} and before {@code until} (either null: open).
     */
    public record ChangeQuery(UUID partnerId, Set<ReferralStatus> statuses, OffsetDateTime from, OffsetDateTime until,
                              int offset, int count) {
    }

    /** One slice of a change feed, oldest change first, and how many match in all. */
    public record Changes(List<Referral> referrals, Map<UUID, Partner> partners, long total) {
    }

    /**
     * The referrals in the caller's reach that match, oldest change first: a partner's own sent referrals,
     * a case manager's caseload, a supervisor's community (the reach of the referral API). No client data
     * is read here, so nothing is logged.
     */
    @Transactional
    public Changes changesInReach(ChangeQuery cq) {
        Caller caller = access.caller();
        StringBuilder q = new StringBuilder("from Referral r where ");
        Map<String, Object> params = new HashMap<>();
        if (caller.isPartner()) {
            q.append("r.partnerId = :me and r.requestedAt is not null");
            params.put("me", access.partnerId());
        } else if (caller.hasRole(Roles.SUPERVISOR) && caller.jurisdiction().hasHromada()) {
            q.append("r.hromada = :hromada");
            params.put("hromada", caller.jurisdiction().hromada());
        } else {
            q.append("r.caseId in (select c.caseId from CaseProjection c where c.caseManagerId = :me)");
            params.put("me", caller.id());
        }
        if (cq.partnerId() != null) {
            q.append(" and r.partnerId = :partnerId");
            params.put("partnerId", cq.partnerId());
        }
        if (!cq.statuses().isEmpty()) {
            q.append(" and r.status in :statuses");
            params.put("statuses", cq.statuses());
        }
        if (cq.from() != null) {
            q.append(" and r.updatedAt >= :from");
            params.put("from", cq.from());
        }
        if (cq.until() != null) {
            q.append(" and r.updatedAt < :until");
            params.put("until", cq.until());
        }
        long total = Referral.count(q.toString(), params);
        List<Referral> found = Referral.<Referral>find(q + " order by r.updatedAt, r.id", params)
                .range(cq.offset(), cq.offset() + cq.count() - 1).list();
        return new Changes(found, partners(found.stream().map(r -> r.partnerId).collect(Collectors.toSet())), total);
    }

    /** The referral in the caller's reach (a partner's own sent referral, else the referring side's), else 404. */
    public Referral inReach(UUID id) {
        return access.caller().isPartner() ? access.partnerSide(id) : access.referringSide(id);
    }

    /** Whether the caller may see the client data of the referral now: staff always, a partner while consent holds. */
    public boolean showsClientData(Referral r) {
        return !access.caller().isPartner() || shareable(r.caseId);
    }

    /** Logs a read of the referral's client data by the caller. */
    @Transactional
    public void clientDataRead(Referral r, AccessLog.Read what) {
        accessLog.read(access.caller(), r.id, what);
    }

    private static void filter(StringBuilder q, Map<String, Object> params, Filter f) {
        if (f.status() != null) {
            q.append(" and r.status = :status");
            params.put("status", f.status());
        }
        if (f.urgency() != null) {
            q.append(" and r.urgency = :urgency");
            params.put("urgency", f.urgency());
        }
        if (f.pending() != null) {
            q.append(f.pending() ? " and r.status = :requested" : " and r.status <> :requested");
            params.put("requested", ReferralStatus.REQUESTED);
        }
        if (f.overdue() != null) {
            q.append(f.overdue() ? " and r.responseOverdueAt is not null and r.status = :awaiting"
                    : " and (r.responseOverdueAt is null or r.status <> :awaiting)");
            params.put("awaiting", ReferralStatus.REQUESTED);
        }
    }

    private static Map<UUID, Partner> partners(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Partner.<Partner>list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
