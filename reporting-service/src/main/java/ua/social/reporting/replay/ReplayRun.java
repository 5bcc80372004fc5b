package ua.social.reporting.replay;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.Timeouts;
import org.hibernate.cfg.AvailableSettings;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One rebuild of the read models from the beginning of both topics. */
@Entity
@Table(name = "replay_run")
public class ReplayRun extends PanacheEntityBase {

    public enum Status {
        /** The read models were wiped and are being rebuilt; statistics are incomplete meanwhile. */
        RUNNING,
        /** Every event that was on the topics when the replay started has been applied again. */
        COMPLETED
    }

    @Id
    public UUID id;
    public int generation;
    @Column(name = "group_id")
    public String groupId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** JSON: "topic:partition" → [first offset, end offset] when the replay started. */
    @Column(name = "target_offsets")
    public String targetOffsets;
    @Column(name = "total_records")
    public long totalRecords;
    @Column(name = "events_applied")
    public Long eventsApplied;

    public static Optional<ReplayRun> running() {
        return find("status", Status.RUNNING).firstResultOptional();
    }

    /**
     * The running replay, locked until the transaction ends; empty while another instance holds it
     * ({@code FOR UPDATE SKIP LOCKED}): one instance at a time decides that a replay is complete.
     */
    public static Optional<ReplayRun> runningLocked() {
        return find("status", Status.RUNNING).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI).firstResultOptional();
    }
}
