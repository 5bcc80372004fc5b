package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.code.PartnerSector;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerService;
import ua.social.contracts.code.ServiceCategory;
import ua.social.referral.referral.ReferralCommands.ClientData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Referrals as they are shown: to the referring side, and to partners (what the work needs, not the case file). */
public final class ReferralViews {

    private ReferralViews() {
    }

    public record PartnerRef(UUID id, String name, PartnerSector sector) {
        public static PartnerRef of(Partner p) {
            return new PartnerRef(p.id, p.name, p.sector);
        }
    }

    public record ServiceRef(UUID id, String name, ServiceCategory category) {
        public static ServiceRef of(PartnerService s) {
            return s == null ? null : new ServiceRef(s.id, s.name, s.category);
        }
    }

    public record StatusChangeView(ReferralStatus from, ReferralStatus to, Side side, String changedBy, String reason,
                                   String outcome, OffsetDateTime changedAt) {
        public static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.fromStatus, c.toStatus, c.side, c.changedBy, c.reason, c.outcome, c.changedAt);
        }
    }

    public record NoteView(UUID id, Side side, String author, String text, OffsetDateTime createdAt) {
        public static NoteView of(ReferralNote n) {
            return new NoteView(n.id, n.side, n.author, n.text, n.createdAt);
        }
    }

    public static ClientData clientData(Referral r) {
        return new ClientData(r.clientFullName, r.clientDateOfBirth, r.clientPhone, r.clientNotes);
    }

    /** A referral as the referring side (case manager, supervisor) sees it. */
    public record ReferralView(UUID id, UUID caseId, UUID planActionId, PartnerRef partner, ServiceRef service,
                               ServiceCategory serviceCategory, String oblast, String hromada, Urgency urgency,
                               String reason, LocalDate desiredDate, ReferralStatus status,
                               List<ReferralStatus> allowedMoves, String statusReason, String outcome,
                               ClientData client, OffsetDateTime createdAt, String createdBy,
                               OffsetDateTime requestedAt, OffsetDateTime responseDueAt, OffsetDateTime respondedAt,
                               OffsetDateTime responseOverdueAt, boolean overdue, OffsetDateTime updatedAt,
                               List<StatusChangeView> history, List<NoteView> notes, long version) {
        public static ReferralView of(Referral r, Partner p, PartnerService s, List<StatusChange> history,
                                      List<ReferralNote> notes) {
            return new ReferralView(r.id, r.caseId, r.planActionId, PartnerRef.of(p), ServiceRef.of(s),
                    r.serviceCategory, r.oblast, r.hromada, r.urgency, r.reason, r.desiredDate, r.status,
                    ReferralMoves.movesFor(r.status, Side.REFERRING_SIDE).stream().sorted().toList(), r.statusReason, r.outcome,
                    clientData(r), r.createdAt, r.createdBy, r.requestedAt, r.responseDueAt, r.respondedAt,
                    r.responseOverdueAt, r.overdue(), r.updatedAt, history.stream().map(StatusChangeView::of).toList(),
                    notes.stream().map(NoteView::of).toList(), r.version);
        }
    }

    public record ReferralSummary(UUID id, UUID caseId, PartnerRef partner, ServiceCategory serviceCategory,
                                  Urgency urgency, ReferralStatus status, String hromada, OffsetDateTime createdAt,
                                  OffsetDateTime requestedAt, OffsetDateTime responseDueAt, boolean overdue,
                                  OffsetDateTime updatedAt) {
        public static ReferralSummary of(Referral r, Partner p) {
            return new ReferralSummary(r.id, r.caseId, PartnerRef.of(p), r.serviceCategory, r.urgency, r.status,
                    r.hromada, r.createdAt, r.requestedAt, r.responseDueAt, r.overdue(), r.updatedAt);
        }
    }

    /**
     * A referral as the partner sees it: what the work needs, not the case file. The client data is
     * withheld ({@code client} null) while the client's consent to sharing with partners is withdrawn.
     */
    public record PartnerReferralView(UUID id, ServiceRef service, ServiceCategory serviceCategory, String oblast,
                                      String hromada, Urgency urgency, String reason, LocalDate desiredDate,
                                      ReferralStatus status, List<ReferralStatus> allowedMoves, String statusReason,
                                      String outcome, ClientData client, boolean clientDataWithheld,
                                      String referredBy, OffsetDateTime requestedAt, OffsetDateTime responseDueAt,
                                      OffsetDateTime respondedAt, boolean overdue, OffsetDateTime updatedAt,
                                      List<StatusChangeView> history, List<NoteView> notes, long version) {
        public static PartnerReferralView of(Referral r, PartnerService s, boolean shareClient,
                                             List<StatusChange> history, List<ReferralNote> notes) {
            return new PartnerReferralView(r.id, ServiceRef.of(s), r.serviceCategory, r.oblast, r.hromada, r.urgency,
                    r.reason, r.desiredDate, r.status, ReferralMoves.movesFor(r.status, Side.PARTNER).stream().sorted().toList(),
                    r.statusReason, r.outcome, shareClient ? clientData(r) : null, !shareClient, r.createdBy,
                    r.requestedAt, r.responseDueAt, r.respondedAt, r.overdue(), r.updatedAt,
                    history.stream().filter(c -> c.toStatus != ReferralStatus.DRAFT).map(StatusChangeView::of).toList(),
                    notes.stream().map(NoteView::of).toList(), r.version);
        }
    }

    /**
     * One read of a referral's client data: by the referring side (userId, username, roles) or by a
     * partner (partnerId, keyPrefix of its API key; username is the organisation's name).
     */
    public record AccessView(OffsetDateTime accessedAt, Side side, String userId, String username, String roles,
                             UUID partnerId, String keyPrefix, AccessLog.Read action) {
        public static AccessView of(AccessLogEntry e) {
            return new AccessView(e.accessedAt, e.side, e.userId, e.username, e.roles, e.partnerId, e.keyPrefix,
                    e.action);
        }
    }

    public record PartnerReferralSummary(UUID id, ServiceCategory serviceCategory, UUID serviceId, Urgency urgency,
                                         ReferralStatus status, String hromada, String clientName,
                                         OffsetDateTime requestedAt, OffsetDateTime responseDueAt, boolean overdue,
                                         OffsetDateTime updatedAt) {
        public static PartnerReferralSummary of(Referral r, boolean shareClient) {
            return new PartnerReferralSummary(r.id, r.serviceCategory, r.serviceId, r.urgency, r.status, r.hromada,
                    shareClient ? r.clientFullName : null, r.requestedAt, r.responseDueAt, r.overdue(), r.updatedAt);
        }
    }
}
