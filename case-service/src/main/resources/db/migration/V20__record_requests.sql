-- The front office's duplicate check never shows another community's client. A match outside the
-- caller's reach gets an opaque reference instead (issued to the caller's community, expires), and
-- the community's supervisor can ask the owning community for the record with it.
CREATE TABLE record_reference (
    reference    VARCHAR(64)  PRIMARY KEY,
    client_id    UUID         NOT NULL REFERENCES client (id),
    oblast       VARCHAR(5)   NOT NULL,          -- community the reference was issued to
    hromada      VARCHAR(19)  NOT NULL,
    match        VARCHAR(60)  NOT NULL,
    issued_by    VARCHAR(100) NOT NULL,
    issued_at    TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX record_reference_client ON record_reference (client_id, hromada);
CREATE INDEX record_reference_expiry ON record_reference (expires_at);

-- A supervisor's request to the owning community for a client record; the owning supervisor
-- accepts (the record, and optionally the open cases, move to the requesting community) or declines.
CREATE TABLE record_request (
    id                   UUID PRIMARY KEY,
    client_id            UUID          NOT NULL REFERENCES client (id),
    match                VARCHAR(60)   NOT NULL,
    requesting_oblast    VARCHAR(5)    NOT NULL,
    requesting_hromada   VARCHAR(19)   NOT NULL,
    requested_by         VARCHAR(100)  NOT NULL,
    requested_at         TIMESTAMPTZ   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    owning_hromada       VARCHAR(19)   NOT NULL,
    status               VARCHAR(10)   NOT NULL,  -- PENDING, ACCEPTED, DECLINED
    decided_at           TIMESTAMPTZ,
    decided_by           VARCHAR(100),
    decision_note        VARCHAR(2000),
    transferred_cases    TEXT[]        NOT NULL DEFAULT '{}',
    version              BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX record_request_one_pending ON record_request (client_id, requesting_hromada) WHERE status = 'PENDING';
CREATE INDEX record_request_owning ON record_request (owning_hromada, requested_at);
CREATE INDEX record_request_requesting ON record_request (requesting_hromada, requested_at);
