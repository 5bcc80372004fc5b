package ua.social.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An assessment of needs and resources; a reassessment adds a new one and keeps the earlier ones. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    public enum Severity { LOW, MODERATE, HIGH, CRITICAL }

    public enum StrengthKind { PERSONAL, EXPERIENCE, ENVIRONMENT }

    public record Need(String domain, Severity severity, String description) {
    }

    public record Strength(StrengthKind kind, String description) {
    }

    public record Risk(String description, Severity severity) {
    }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public int number;
    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;
    @Column(name = "assessed_by")
    public String assessedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Need> needs;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Strength> strengths;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Risk> risks;
    public String summary;
}
