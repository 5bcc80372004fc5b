package ua.social.cases.casefile;

import ua.social.contracts.code.ClosureReason;
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
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.reference.TeamArrangement;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A case (випадок) taken into case management, for a person or a whole family. */
@Entity
@Table(name = "social_case")
public class SocialCase extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "appeal_id")
    public UUID appealId;
    public String oblast;
    public String hromada;
    @Enumerated(EnumType.STRING)
    public CaseStage stage;
    @Enumerated(EnumType.STRING)
    public CaseManagementModel model;
    @Enumerated(EnumType.STRING)
    @Column(name = "team_arrangement")
    public TeamArrangement teamArrangement;
    @Column(name = "case_manager_id")
    public String caseManagerId;
    @Column(name = "case_manager_username")
    public String caseManagerUsername;
    @Column(name = "case_manager_name")
    public String caseManagerName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> criteria;
    @Column(name = "opening_override_reason")
    public String openingOverrideReason;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "consent_given_at")
    public OffsetDateTime consentGivenAt;
    @Column(name = "consent_processing")
    public boolean consentProcessing;
    @Column(name = "consent_sharing")
    public boolean consentSharing;
    @Column(name = "consent_withdrawn_at")
    public OffsetDateTime consentWithdrawnAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    public ClosureReason closureReason;
    @Column(name = "closure_details")
    public String closureDetails;
    @Column(name = "outcome_evaluation")
    public String outcomeEvaluation;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public boolean sharingConsentActive() {
        return consentSharing && consentWithdrawnAt == null;
    }
}
