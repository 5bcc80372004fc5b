package ua.social.cases.support;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One thing that happened on a case. Append-only: never updated, never deleted. */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String type;
    public String summary;
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
    @Column(name = "source_event_id")
    public String sourceEventId;
}
