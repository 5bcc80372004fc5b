package ua.social.cases.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "household_member")
public class HouseholdMember extends PanacheEntityBase {

    /** How a member relates to the household. */
    public enum Relation { HEAD, SPOUSE_OR_PARTNER, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, GUARDIAN, FOSTER_CHILD, OTHER_RELATIVE, OTHER }

    @Embeddable
    public record Key(@Column(name = "household_id") UUID householdId, @Column(name = "client_id") UUID clientId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Enumerated(EnumType.STRING)
    public Relation relation;
}
