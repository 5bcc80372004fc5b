package ua.social.cases.records;

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

import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A community's request for a client record held by another community, and the owning supervisor's decision. */
@Entity
@Table(name = "record_request")
public class RecordRequest extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, DECLINED }

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    public String match;
    @Column(name = "requesting_oblast")
    public String requestingOblast;
    @Column(name = "requesting_hromada")
    public String requestingHromada;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    public String reason;
    @Column(name = "owning_hromada")
    public String owningHromada;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_note")
    public String decisionNote;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "transferred_cases")
    public List<String> transferredCases = new ArrayList<>();
    @Version
    public long version;

    /** 409 once the request was decided: it is decided once. */
    public void requirePending() {
        if (status != Status.PENDING) {
            throw new ProblemException(Problem.of(409, "record-request-decided", "Already decided",
                    "This request was already " + status.name().toLowerCase() + ".").with("status", status));
        }
    }

    /** The owning supervisor's decision, with an optional note. */
    public void decide(boolean accepted, String by, String note, OffsetDateTime at) {
        requirePending();
        decidedAt = at;
        decidedBy = by;
        decisionNote = note == null || note.isBlank() ? null : note.trim();
        status = accepted ? Status.ACCEPTED : Status.DECLINED;
    }
}
