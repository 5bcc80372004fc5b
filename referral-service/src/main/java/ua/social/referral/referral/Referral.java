package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A referral (направлення) of the client of a case to a partner's service, with the minimum client data
 * the partner needs. That data lives only here: it is shown to the partner and the referring side, and
 * never put into events.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "service_category")
    public ServiceCategory serviceCategory;
    @Column(name = "plan_action_id")
    public UUID planActionId;
    public String oblast;
    public String hromada;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String reason;
    @Column(name = "desired_date")
    public LocalDate desiredDate;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    /** The reason given with the latest status change that took one (rejection, failure, cancellation, hold). */
    @Column(name = "status_reason")
    public String statusReason;
    public String outcome;
    @Column(name = "client_full_name")
    public String clientFullName;
    @Column(name = "client_date_of_birth")
    public LocalDate clientDateOfBirth;
    @Column(name = "client_phone")
    public String clientPhone;
    @Column(name = "client_notes")
    public String clientNotes;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "response_due_at")
    public OffsetDateTime responseDueAt;
    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;
    @Column(name = "response_overdue_at")
    public OffsetDateTime responseOverdueAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /** Flagged past its response deadline and still waiting for the partner's answer. */
    public boolean overdue() {
        return responseOverdueAt != null && status == ReferralStatus.REQUESTED;
    }
}
