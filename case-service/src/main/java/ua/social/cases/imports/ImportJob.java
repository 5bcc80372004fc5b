package ua.social.cases.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One uploaded file of historical records and how far its import got. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Format { JSONL, CSV }

    public enum State {
        /** Accepted, waiting for the importer. */
        QUEUED,
        /** Lines are being read and imported; the counters grow after every chunk. */
        RUNNING,
        /** Every line was read: imported, already imported or refused (see the report). */
        FINISHED,
        /** The file could not be read to its end (e.g. not UTF-8); the lines counted before stay imported. */
        FAILED,
        /**
         * The service stopped while the job ran or waited: the lines counted stay imported, the rest were not
         * read. Import the same file again: lines already imported are recognised by their external ids.
         */
        INTERRUPTED
    }

    @Id
    public UUID id;
    public String oblast;
    public String hromada;
    @Enumerated(EnumType.STRING)
    public Format format;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "lines_read")
    public int linesRead;
    public int imported;
    @Column(name = "already_imported")
    public int alreadyImported;
    public int refused;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    public String failure;
    @Version
    public long version;

    public boolean done() {
        return state == State.FINISHED || state == State.FAILED || state == State.INTERRUPTED;
    }
}
