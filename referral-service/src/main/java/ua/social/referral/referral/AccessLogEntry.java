package ua.social.referral.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Someone read a referral's client data: a staff member ({@link #userId}, {@link #username},
 * {@link #roles}) or a partner organisation ({@link #partnerId}, {@link #keyPrefix} of its API key,
 * its name as {@link #username}).
 */
@Entity
@Immutable
@Table(name = "referral_access_log")
public class AccessLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public Side side;
    @Column(name = "user_id")
    public String userId;
    public String username;
    public String roles;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "key_prefix")
    public String keyPrefix;
    @Column(name = "accessed_at")
    public OffsetDateTime accessedAt;
    @Enumerated(EnumType.STRING)
    public AccessLog.Read action;
}
