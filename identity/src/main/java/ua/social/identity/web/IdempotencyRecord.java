package ua.social.identity.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "caller_id") String callerId, @Column(name = "key") String key)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;
    public String operation;
    @Column(name = "request_hash")
    public String requestHash;
    public int status;
    public String location;
    public String body;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
