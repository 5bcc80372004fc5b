-- Bulk import of historical records (POST /imports): one job per uploaded file, its per-line report, and
-- the external ids already imported, so that importing the same file again changes nothing.
CREATE TABLE import_job (
    id                UUID          PRIMARY KEY,
    oblast            VARCHAR(5)    NOT NULL,
    hromada           VARCHAR(19)   NOT NULL,
    format            VARCHAR(10)   NOT NULL,   -- JSONL | CSV
    state             VARCHAR(12)   NOT NULL,   -- QUEUED | RUNNING | FINISHED | FAILED | INTERRUPTED
    lines_read        INTEGER       NOT NULL DEFAULT 0,
    imported          INTEGER       NOT NULL DEFAULT 0,
    already_imported  INTEGER       NOT NULL DEFAULT 0,
    refused           INTEGER       NOT NULL DEFAULT 0,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    failure           VARCHAR(2000),
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX import_job_hromada ON import_job (hromada, created_at);

-- What was wrong with a refused line: one row per field and message (nothing of the line was stored).
CREATE TABLE import_problem (
    job_id       UUID          NOT NULL REFERENCES import_job (id),
    line         INTEGER       NOT NULL,
    seq          INTEGER       NOT NULL,
    kind         VARCHAR(20),
    external_id  VARCHAR(100),
    field        VARCHAR(200)  NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (job_id, line, seq)
);

-- A record created by an import, under its kind and external id, unique per community: a line whose
-- external id is here is already imported and changes nothing; later lines reference it by this id.
CREATE TABLE import_record (
    hromada      VARCHAR(19)   NOT NULL,
    kind         VARCHAR(10)   NOT NULL,   -- client | appeal | case | service
    external_id  VARCHAR(100)  NOT NULL,
    record_id    UUID          NOT NULL,
    job_id       UUID          NOT NULL REFERENCES import_job (id),
    line         INTEGER       NOT NULL,
    PRIMARY KEY (hromada, kind, external_id)
);
