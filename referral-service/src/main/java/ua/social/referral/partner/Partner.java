package ua.social.referral.partner;

import ua.social.contracts.code.PartnerSector;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner organisation a case manager refers clients to (HSDS organization). */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "alternate_name")
    public String alternateName;
    public String description;
    @Enumerated(EnumType.STRING)
    public PartnerSector sector;
    @Column(name = "legal_status")
    public String legalStatus;
    /** Code of the Unified State Register of Enterprises and Organisations of Ukraine (ЄДРПОУ). */
    public String edrpou;
    public String email;
    public String website;
    public String phone;
    public boolean active;
    /** The community of the supervisor who registered the organisation; null when a platform admin did. */
    @Column(name = "registered_hromada")
    public String registeredHromada;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Version
    public long version;
}
