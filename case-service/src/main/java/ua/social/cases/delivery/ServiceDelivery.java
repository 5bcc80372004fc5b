package ua.social.cases.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A service delivered against a case or an appeal. */
@Entity
@Table(name = "service_delivery")
public class ServiceDelivery extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "appeal_id")
    public UUID appealId;
    @Enumerated(EnumType.STRING)
    public ServiceCategory category;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    public String provider;
    public String description;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
