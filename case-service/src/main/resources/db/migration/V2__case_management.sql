-- Clients (отримувачі соціальних послуг): persons, grouped into households.
CREATE TABLE client (
    id                     UUID PRIMARY KEY,
    last_name              VARCHAR(100) NOT NULL,
    first_name             VARCHAR(100) NOT NULL,
    patronymic             VARCHAR(100),
    name_key               VARCHAR(400) NOT NULL,   -- folded (case/apostrophe/transliteration-insensitive) "last first patronymic"
    date_of_birth          DATE         NOT NULL,
    sex                    VARCHAR(10)  NOT NULL,
    phone                  VARCHAR(30),
    email                  VARCHAR(200),
    address                VARCHAR(500),
    oblast                 VARCHAR(5)   NOT NULL,
    hromada                VARCHAR(19)  NOT NULL,
    rnokpp                 CHAR(10),
    idp_certificate_number VARCHAR(50),
    disability_group       VARCHAR(30),
    vulnerable_groups      TEXT[]       NOT NULL DEFAULT '{}',
    created_at             TIMESTAMPTZ  NOT NULL,
    created_by             VARCHAR(100) NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX client_rnokpp_unique ON client (rnokpp) WHERE rnokpp IS NOT NULL;
CREATE INDEX client_dob ON client (date_of_birth);
CREATE INDEX client_hromada ON client (hromada);

CREATE TABLE household (
    id          UUID PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    oblast      VARCHAR(5)   NOT NULL,
    hromada     VARCHAR(19)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(100) NOT NULL
);
CREATE TABLE household_member (
    household_id UUID NOT NULL REFERENCES household (id),
    client_id    UUID NOT NULL REFERENCES client (id),
    relation     VARCHAR(30) NOT NULL,
    PRIMARY KEY (household_id, client_id)
);

-- Appeals at the front office (звернення): every contact, whether or not a case is opened.
CREATE TABLE appeal (
    id            UUID PRIMARY KEY,
    client_id     UUID         NOT NULL REFERENCES client (id),
    household_id  UUID REFERENCES household (id),
    oblast        VARCHAR(5)   NOT NULL,
    hromada       VARCHAR(19)  NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    channel       VARCHAR(20)  NOT NULL,
    location      VARCHAR(300),
    need_domains  TEXT[]       NOT NULL,
    description   VARCHAR(4000),
    outcome       VARCHAR(30)  NOT NULL,
    case_id       UUID,
    recorded_by   VARCHAR(100) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX appeal_client ON appeal (client_id);

-- Cases (випадки) and everything in them.
CREATE SEQUENCE case_number_seq;
CREATE TABLE social_case (
    id                       UUID PRIMARY KEY,
    number                   VARCHAR(30)  NOT NULL UNIQUE,
    client_id                UUID         NOT NULL REFERENCES client (id),
    household_id             UUID REFERENCES household (id),
    appeal_id                UUID REFERENCES appeal (id),
    oblast                   VARCHAR(5)   NOT NULL,
    hromada                  VARCHAR(19)  NOT NULL,
    stage                    VARCHAR(20)  NOT NULL,
    model                    VARCHAR(20)  NOT NULL,
    team_arrangement         VARCHAR(20)  NOT NULL,
    case_manager_id          VARCHAR(100),
    case_manager_username    VARCHAR(100),
    case_manager_name        VARCHAR(200),
    criteria                 TEXT[]       NOT NULL DEFAULT '{}',
    opening_override_reason  VARCHAR(2000),
    opened_at                TIMESTAMPTZ  NOT NULL,
    opened_by                VARCHAR(100) NOT NULL,
    consent_given_at         TIMESTAMPTZ,
    consent_processing       BOOLEAN      NOT NULL DEFAULT FALSE,
    consent_sharing          BOOLEAN      NOT NULL DEFAULT FALSE,
    consent_withdrawn_at     TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    closure_reason           VARCHAR(40),
    closure_details          VARCHAR(2000),
    outcome_evaluation       VARCHAR(4000),
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX social_case_manager ON social_case (case_manager_id) WHERE stage <> 'CLOSED';
CREATE INDEX social_case_hromada ON social_case (hromada);

CREATE TABLE case_team_member (
    id          UUID PRIMARY KEY,
    case_id     UUID         NOT NULL REFERENCES social_case (id),
    kind        VARCHAR(10)  NOT NULL,          -- STAFF or PARTNER
    user_id     VARCHAR(100),                   -- staff: Keycloak user id
    username    VARCHAR(100),
    name        VARCHAR(200) NOT NULL,          -- person or partner organisation
    specialty   VARCHAR(200)
);
CREATE INDEX case_team_member_user ON case_team_member (user_id);

CREATE TABLE assessment (
    id            UUID PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES social_case (id),
    number        INT          NOT NULL,
    assessed_at   TIMESTAMPTZ  NOT NULL,
    assessed_by   VARCHAR(100) NOT NULL,
    needs         JSONB        NOT NULL,
    strengths     JSONB        NOT NULL,
    risks         JSONB        NOT NULL,
    summary       VARCHAR(4000),
    UNIQUE (case_id, number)
);

CREATE TABLE plan_revision (
    id          UUID PRIMARY KEY,
    case_id     UUID         NOT NULL REFERENCES social_case (id),
    revision    INT          NOT NULL,
    current     BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    reason      VARCHAR(2000),
    consultation_frequency VARCHAR(200),
    goals       JSONB        NOT NULL,
    UNIQUE (case_id, revision)
);
CREATE UNIQUE INDEX plan_revision_current ON plan_revision (case_id) WHERE current;

CREATE TABLE service_delivery (
    id            UUID PRIMARY KEY,
    case_id       UUID REFERENCES social_case (id),
    appeal_id     UUID REFERENCES appeal (id),
    category      VARCHAR(30)  NOT NULL,
    delivered_on  DATE         NOT NULL,
    provider      VARCHAR(300) NOT NULL,
    description   VARCHAR(2000),
    recorded_by   VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    CHECK (case_id IS NOT NULL OR appeal_id IS NOT NULL)
);

CREATE TABLE case_note (
    id            UUID PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES social_case (id),
    kind          VARCHAR(30)  NOT NULL,         -- MONITORING or SUPERVISION_REVIEW
    text          VARCHAR(8000) NOT NULL,
    confidential  BOOLEAN      NOT NULL,
    author_id     VARCHAR(100) NOT NULL,
    author        VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);

-- The case timeline: append-only, ordered by id.
CREATE TABLE timeline_entry (
    id           BIGSERIAL PRIMARY KEY,
    case_id      UUID         NOT NULL REFERENCES social_case (id),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    type         VARCHAR(60)  NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    details      JSONB        NOT NULL DEFAULT '{}',
    source_event_id VARCHAR(200) UNIQUE
);
CREATE INDEX timeline_entry_case ON timeline_entry (case_id, id);

-- Who read which record, when (client records and case files).
CREATE TABLE access_log (
    id           BIGSERIAL PRIMARY KEY,
    record_type  VARCHAR(10)  NOT NULL,
    record_id    UUID         NOT NULL,
    user_id      VARCHAR(100) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    accessed_at  TIMESTAMPTZ  NOT NULL,
    action       VARCHAR(60)  NOT NULL
);
CREATE INDEX access_log_record ON access_log (record_type, record_id, id);

-- Idempotency-Key of POSTs: the first outcome is returned again to a retry with the same key.
CREATE TABLE idempotency_record (
    caller_id     VARCHAR(100) NOT NULL,
    key           VARCHAR(200) NOT NULL,
    operation     VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INT          NOT NULL,
    location      VARCHAR(500),
    body          TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller_id, key)
);
