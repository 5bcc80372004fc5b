package ua.social.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in the transactional outbox (or already relayed: {@link #publishedAt} set). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(insertable = false, updatable = false)
    public Long seq;
    public String topic;
    @Column(name = "event_key")
    public String eventKey;
    public String type;
    public String source;
    public String subject;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    /** W3C {@code traceparent} of the request that wrote the event, or null when it was not traced. */
    @Column(name = "trace_parent")
    public String traceParent;
    @Column(name = "trace_state")
    public String traceState;
}
