package ua.social.referral.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What referral-service knows of a case, learnt only from case.events: its community, its case
 * manager, whether the client consented to sharing with partners, whether it is closed.
 */
@Entity
@Table(name = "case_projection")
public class CaseProjection extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;
    public String oblast;
    public String hromada;
    /** Keycloak user id of the case manager (the token's subject). */
    @Column(name = "case_manager_id")
    public String caseManagerId;
    @Column(name = "case_manager_username")
    public String caseManagerUsername;
    @Column(name = "sharing_consent")
    public boolean sharingConsent;
    public boolean closed;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
