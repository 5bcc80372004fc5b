package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One status change of a referral; the history is append-only. */
@Entity
@Table(name = "referral_status_change")
public class StatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReferralStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReferralStatus toStatus;
    @Enumerated(EnumType.STRING)
    public Side side;
    @Column(name = "changed_by")
    public String changedBy;
    public String reason;
    public String outcome;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public static List<StatusChange> of(UUID referralId) {
        return list("referralId = ?1 order by id", referralId);
    }
}
