package ua.social.referral.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** A named contact of a partner organisation (HSDS contact). */
@Entity
@Table(name = "partner_contact")
public class PartnerContact extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public int position;
    public String name;
    public String title;
    public String department;
    public String email;
    public String phone;

    public static List<PartnerContact> of(UUID partnerId) {
        return list("partnerId = ?1 order by position", partnerId);
    }
}
