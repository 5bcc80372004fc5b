package ua.social.referral.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A service offered at a location (HSDS service_at_location). */
@Entity
@Table(name = "service_at_location")
public class ServiceAtLocation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "location_id")
    public UUID locationId;

    public static List<ServiceAtLocation> ofServices(Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        return list("serviceId in ?1", serviceIds);
    }
}
