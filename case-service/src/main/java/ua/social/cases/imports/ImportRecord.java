package ua.social.cases.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A record an import created, under the kind and external id its line gave (unique per community). */
@Entity
@Table(name = "import_record")
public class ImportRecord extends PanacheEntityBase {

    @Embeddable
    public record Key(String hromada, String kind, @Column(name = "external_id") String externalId)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "job_id")
    public UUID jobId;
    public int line;
}
