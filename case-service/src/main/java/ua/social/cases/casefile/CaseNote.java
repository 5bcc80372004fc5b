package ua.social.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A monitoring note or a supervision review; confidential ones are shown only to the case manager and supervisors. */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    public enum Kind { MONITORING, SUPERVISION_REVIEW }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String text;
    public boolean confidential;
    @Column(name = "author_id")
    public String authorId;
    public String author;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
