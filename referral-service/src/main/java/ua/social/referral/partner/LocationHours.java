package ua.social.referral.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Working hours of a location on some days of the week (HSDS schedule, weekly). */
@Entity
@Table(name = "location_hours")
public class LocationHours extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "location_id")
    public UUID locationId;
    public int position;
    /** {@link Weekday} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> days;
    @Column(name = "opens_at")
    public LocalTime opensAt;
    @Column(name = "closes_at")
    public LocalTime closesAt;
    public String notes;

    public static List<LocationHours> of(Collection<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        return list("locationId in ?1 order by position", locationIds);
    }
}
