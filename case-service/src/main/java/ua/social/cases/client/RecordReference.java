package ua.social.cases.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An opaque reference to a client record outside the caller's reach, issued to the caller's community
 * by the duplicate check. It says nothing about the person; only a supervisor of that community can
 * use it, to ask the owning community for the record, until it expires.
 */
@Entity
@Table(name = "record_reference")
public class RecordReference extends PanacheEntityBase {
    @Id
    public String reference;
    @Column(name = "client_id")
    public UUID clientId;
    public String oblast;
    public String hromada;
    public String match;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
