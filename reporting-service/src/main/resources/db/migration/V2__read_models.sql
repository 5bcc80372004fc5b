-- Read models of the regional statistics, built only from case.events and referral.events.
-- No personal data: clients, cases and case managers are kept only as keyed pseudonyms
-- (HMAC-SHA-256 of their random ids, see Pseudonyms), needed to count them distinctly and to
-- follow one case through its events. Every figure is computed at query time from these facts,
-- so the result does not depend on the order in which partitions were read (live = replay).

-- Which consumer group feeds the read models. A replay moves to a new group (generation + 1)
-- and every instance follows; an event handled under an older generation changes nothing.
CREATE TABLE consumer_state (
    id          SMALLINT     PRIMARY KEY CHECK (id = 1),
    generation  INTEGER      NOT NULL,
    group_id    VARCHAR(200)
);
INSERT INTO consumer_state (id, generation, group_id) VALUES (1, 0, NULL);

-- Rebuilds of the read models from the beginning of both topics.
CREATE TABLE replay_run (
    id              UUID          PRIMARY KEY,
    generation      INTEGER       NOT NULL,
    group_id        VARCHAR(200)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    requested_by    VARCHAR(200)  NOT NULL,
    started_at      TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ,
    -- per partition "topic:partition" -> [first offset, end offset at the start of the replay]
    target_offsets  TEXT          NOT NULL,
    total_records   BIGINT        NOT NULL,
    events_applied  BIGINT
);
CREATE UNIQUE INDEX replay_run_one_running ON replay_run (status) WHERE status = 'RUNNING';

-- A person applying: one row per appeal (звернення), and one per case opened without an appeal.
CREATE TABLE rm_contact (
    contact_key  VARCHAR(60)  PRIMARY KEY,   -- 'A:' || appeal id, or 'C:' || case pseudonym
    kind         VARCHAR(20)  NOT NULL,      -- APPEAL | CASE_WITHOUT_APPEAL
    client_key   CHAR(32)     NOT NULL,
    oblast       VARCHAR(5)   NOT NULL,
    hromada      VARCHAR(19)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    day          DATE         NOT NULL
);
CREATE INDEX rm_contact_day ON rm_contact (day);
CREATE INDEX rm_contact_client ON rm_contact (client_key);
CREATE TABLE rm_contact_group (
    contact_key  VARCHAR(60)  NOT NULL,
    grp          VARCHAR(60)  NOT NULL,
    PRIMARY KEY (contact_key, grp)
);

-- A case as it was opened (case.opened).
CREATE TABLE rm_case (
    case_key     CHAR(32)     PRIMARY KEY,
    client_key   CHAR(32)     NOT NULL,
    client_kind  VARCHAR(10)  NOT NULL,
    model        VARCHAR(20)  NOT NULL,
    oblast       VARCHAR(5)   NOT NULL,
    hromada      VARCHAR(19)  NOT NULL,
    opened_at    TIMESTAMPTZ  NOT NULL,
    day          DATE         NOT NULL
);
CREATE INDEX rm_case_day ON rm_case (day);
CREATE TABLE rm_case_group (
    case_key  CHAR(32)     NOT NULL,
    grp       VARCHAR(60)  NOT NULL,
    PRIMARY KEY (case_key, grp)
);

-- What each case event says about the case from its moment on: status (opened/reopened =
-- ACTIVE, closed = CLOSED), where it is (every event), who manages it (assigned, transferred,
-- closed, reopened), its model (opened, assigned, closed). The state at any instant is the
-- latest row before it, attribute by attribute.
CREATE TABLE rm_case_change (
    event_id          VARCHAR(200)  PRIMARY KEY,
    case_key          CHAR(32)      NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    at                TIMESTAMPTZ   NOT NULL,
    day               DATE          NOT NULL,
    status            VARCHAR(10),
    oblast            VARCHAR(5)    NOT NULL,
    hromada           VARCHAR(19)   NOT NULL,
    sets_manager      BOOLEAN       NOT NULL,
    case_manager_key  CHAR(32),
    model             VARCHAR(20),
    closure_reason    VARCHAR(60)
);
CREATE INDEX rm_case_change_case ON rm_case_change (case_key, at);
CREATE INDEX rm_case_change_closed ON rm_case_change (day) WHERE kind = 'CLOSED';

-- Services delivered (case.service-delivered), on a case or on an appeal.
CREATE TABLE rm_service (
    service_id  UUID         PRIMARY KEY,
    case_key    CHAR(32),
    appeal_id   UUID,
    oblast      VARCHAR(5)   NOT NULL,
    hromada     VARCHAR(19)  NOT NULL,
    category    VARCHAR(40)  NOT NULL,
    day         DATE         NOT NULL
);
CREATE INDEX rm_service_day ON rm_service (day);

-- Every status change of a referral (referral.*).
CREATE TABLE rm_referral_change (
    event_id        VARCHAR(200)  PRIMARY KEY,
    referral_id     UUID          NOT NULL,
    case_key        CHAR(32)      NOT NULL,
    partner_sector  VARCHAR(40)   NOT NULL,
    oblast          VARCHAR(5)    NOT NULL,
    hromada         VARCHAR(19)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    requested_at    TIMESTAMPTZ,
    changed_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX rm_referral_change_referral ON rm_referral_change (referral_id, changed_at);
