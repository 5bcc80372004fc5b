package ua.social.referral.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A note on a referral: the partner's outcome notes, the case manager's follow-ups. */
@Entity
@Table(name = "referral_note")
public class ReferralNote extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Side side;
    public String author;
    public String text;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<ReferralNote> of(UUID referralId) {
        return list("referralId = ?1 order by createdAt, id", referralId);
    }
}
