package ua.social.cases.support;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone read a client record or a case file. */
@Entity
@Immutable
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "record_type")
    public String recordType;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "user_id")
    public String userId;
    public String username;
    public String roles;
    @Column(name = "accessed_at")
    public OffsetDateTime accessedAt;
    public String action;
}
