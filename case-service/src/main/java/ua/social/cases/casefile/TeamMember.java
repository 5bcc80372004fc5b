package ua.social.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A specialist on a case's team: a member of staff (who then reaches the case) or a partner's specialist. */
@Entity
@Table(name = "case_team_member")
public class TeamMember extends PanacheEntityBase {

    public enum Kind { STAFF, PARTNER }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "user_id")
    public String userId;
    public String username;
    public String name;
    public String specialty;
}
