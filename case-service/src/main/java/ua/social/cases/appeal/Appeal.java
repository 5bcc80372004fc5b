package ua.social.cases.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An appeal at the front office (звернення): who came, when, where, with which problems. It ends in
 * information or one-off services delivered, or in a case opened; it counts as a person who applied
 * either way.
 */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    public enum Channel { IN_PERSON, PHONE, ONLINE, OUTREACH, REFERRED_BY_AGENCY }

    public enum Outcome {
        /** Recorded, not yet resolved. */
        PENDING,
        /** Information or advice given at the front office. */
        INFORMATION_PROVIDED,
        /** One-off services delivered, no case management needed. */
        ONE_OFF_SERVICES,
        /** Taken into case management. */
        CASE_OPENED
    }

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "household_id")
    public UUID householdId;
    public String oblast;
    public String hromada;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String location;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "need_domains")
    public List<String> needDomains;
    public String description;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Version
    public long version;

    /** 409 when a case was already opened on this appeal. */
    public void requireNoCase() {
        if (caseId != null) {
            throw new ProblemException(Problem.of(409, "appeal-has-case", "Case already opened",
                    "A case was already opened on this appeal.").with("caseId", caseId));
        }
    }

    /** The appeal ends in the case opened on it. */
    public void caseOpened(UUID openedCaseId) {
        requireNoCase();
        caseId = openedCaseId;
        outcome = Outcome.CASE_OPENED;
    }

    /**
     * Ends the appeal without a case: information provided, or one-off services (which must be listed). A case
     * is opened on an appeal through the case opening, never here; an appeal ends once.
     */
    public void resolve(Outcome how, boolean servicesListed) {
        if (how == Outcome.PENDING || how == Outcome.CASE_OPENED) {
            throw ProblemException.badRequest("outcome", "must be INFORMATION_PROVIDED or ONE_OFF_SERVICES"
                    + " (a case is opened with POST /cases)");
        }
        if (outcome != Outcome.PENDING) {
            throw ProblemException.conflict("appeal-resolved", "Appeal already resolved",
                    "This appeal already ended with " + outcome + ".");
        }
        if (how == Outcome.ONE_OFF_SERVICES && !servicesListed) {
            throw ProblemException.badRequest("services", "list the one-off services delivered");
        }
        outcome = how;
    }
}
