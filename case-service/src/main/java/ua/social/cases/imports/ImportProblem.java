package ua.social.cases.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One reason a line of an import was refused: the field and what is wrong with it. */
@Entity
@Table(name = "import_problem")
public class ImportProblem extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "job_id") UUID jobId, int line, int seq) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    public String kind;
    @Column(name = "external_id")
    public String externalId;
    public String field;
    public String message;
}
