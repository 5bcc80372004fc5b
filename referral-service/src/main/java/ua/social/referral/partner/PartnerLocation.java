package ua.social.referral.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A place where a partner organisation works, in a community (HSDS location with its address). */
@Entity
@Table(name = "partner_location")
public class PartnerLocation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public String name;
    public String address;
    public String city;
    @Column(name = "postal_code")
    public String postalCode;
    public String oblast;
    /** The territorial community (hromada), KATOTTG code. */
    public String hromada;
    public String phone;
    public String accessibility;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public static List<PartnerLocation> of(UUID partnerId) {
        return list("partnerId = ?1 order by createdAt, id", partnerId);
    }
}
