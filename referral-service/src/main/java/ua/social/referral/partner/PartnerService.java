package ua.social.referral.partner;

import ua.social.contracts.code.ServiceCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A service a partner organisation offers (HSDS service). */
@Entity
@Table(name = "partner_service")
public class PartnerService extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public ServiceCategory category;
    public String eligibility;
    @Column(name = "application_process")
    public String applicationProcess;
    /** ISO 639-1 codes of the languages the service is given in. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;
    @Column(name = "fee_free")
    public boolean feeFree;
    @Column(name = "fees_description")
    public String feesDescription;
    public boolean active;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public static List<PartnerService> of(UUID partnerId) {
        return list("partnerId = ?1 order by createdAt, id", partnerId);
    }
}
