-- Partner directory, shaped after Open Referral HSDS 3.0: organization, service, location,
-- service_at_location, contact, schedule.
CREATE TABLE partner (
    id              UUID PRIMARY KEY,
    name            VARCHAR(300)  NOT NULL,
    alternate_name  VARCHAR(300),
    description     VARCHAR(4000) NOT NULL,
    sector          VARCHAR(40)   NOT NULL,
    legal_status    VARCHAR(200),
    edrpou          CHAR(8),
    email           VARCHAR(200),
    website         VARCHAR(500),
    phone           VARCHAR(30),
    active          BOOLEAN       NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX partner_sector ON partner (sector);
CREATE UNIQUE INDEX partner_edrpou_unique ON partner (edrpou) WHERE edrpou IS NOT NULL;

-- Named contacts of an organisation (replaced as a whole with the organisation's profile).
CREATE TABLE partner_contact (
    id          UUID PRIMARY KEY,
    partner_id  UUID         NOT NULL REFERENCES partner (id),
    position    INT          NOT NULL,
    name        VARCHAR(200) NOT NULL,
    title       VARCHAR(200),
    department  VARCHAR(200),
    email       VARCHAR(200),
    phone       VARCHAR(30)
);
CREATE INDEX partner_contact_partner ON partner_contact (partner_id);

-- Where an organisation works: community (hromada, KATOTTG code), oblast, address.
CREATE TABLE partner_location (
    id           UUID PRIMARY KEY,
    partner_id   UUID         NOT NULL REFERENCES partner (id),
    name         VARCHAR(300) NOT NULL,
    address      VARCHAR(500) NOT NULL,
    city         VARCHAR(200) NOT NULL,
    postal_code  CHAR(5)      NOT NULL,
    oblast       VARCHAR(5)   NOT NULL,
    hromada      VARCHAR(19)  NOT NULL,
    phone        VARCHAR(30),
    accessibility VARCHAR(1000),
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX partner_location_partner ON partner_location (partner_id);
CREATE INDEX partner_location_hromada ON partner_location (hromada);

-- Working hours of a location: weekly, on the given days (HSDS schedule, freq WEEKLY, byday).
CREATE TABLE location_hours (
    id           UUID PRIMARY KEY,
    location_id  UUID         NOT NULL REFERENCES partner_location (id),
    position     INT          NOT NULL,
    days         TEXT[]       NOT NULL,
    opens_at     TIME         NOT NULL,
    closes_at    TIME         NOT NULL,
    notes        VARCHAR(500)
);
CREATE INDEX location_hours_location ON location_hours (location_id);

-- The services an organisation offers, by the ministry's service category.
CREATE TABLE partner_service (
    id                UUID PRIMARY KEY,
    partner_id        UUID          NOT NULL REFERENCES partner (id),
    name              VARCHAR(300)  NOT NULL,
    description       VARCHAR(4000) NOT NULL,
    category          VARCHAR(40)   NOT NULL,
    eligibility       VARCHAR(4000),
    application_process VARCHAR(2000),
    languages         TEXT[]        NOT NULL DEFAULT '{}',
    fee_free          BOOLEAN       NOT NULL,
    fees_description  VARCHAR(2000),
    active            BOOLEAN       NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX partner_service_partner ON partner_service (partner_id);
CREATE INDEX partner_service_category ON partner_service (category);

CREATE TABLE service_at_location (
    id           UUID PRIMARY KEY,
    service_id   UUID NOT NULL REFERENCES partner_service (id),
    location_id  UUID NOT NULL REFERENCES partner_location (id),
    UNIQUE (service_id, location_id)
);

-- Partner API keys: only a SHA-256 hash of the secret is stored; the prefix finds the row.
CREATE TABLE partner_api_key (
    id            UUID PRIMARY KEY,
    partner_id    UUID         NOT NULL REFERENCES partner (id),
    prefix        VARCHAR(20)  NOT NULL UNIQUE,
    secret_hash   CHAR(64)     NOT NULL,
    label         VARCHAR(200),
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoked_by    VARCHAR(100),
    last_used_at  TIMESTAMPTZ,
    rotated_from  UUID REFERENCES partner_api_key (id),
    replaced_by   UUID REFERENCES partner_api_key (id)
);
CREATE INDEX partner_api_key_partner ON partner_api_key (partner_id);

-- What referral-service knows about cases, learnt only from case.events (never from case-service's API).
CREATE TABLE case_projection (
    case_id                UUID PRIMARY KEY,
    oblast                 VARCHAR(5)   NOT NULL,
    hromada                VARCHAR(19)  NOT NULL,
    case_manager_id        VARCHAR(100),
    case_manager_username  VARCHAR(100),
    sharing_consent        BOOLEAN      NOT NULL,
    closed                 BOOLEAN      NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_projection_manager ON case_projection (case_manager_id);
CREATE INDEX case_projection_hromada ON case_projection (hromada);

-- Referrals (направлення) and their lifecycle (HL7 FHIR SDOH referral Task states).
CREATE TABLE referral (
    id                   UUID PRIMARY KEY,
    case_id              UUID          NOT NULL REFERENCES case_projection (case_id),
    partner_id           UUID          NOT NULL REFERENCES partner (id),
    service_id           UUID REFERENCES partner_service (id),
    service_category     VARCHAR(40)   NOT NULL,
    plan_action_id       UUID,
    oblast               VARCHAR(5)    NOT NULL,
    hromada              VARCHAR(19)   NOT NULL,
    urgency              VARCHAR(20)   NOT NULL,
    reason               VARCHAR(4000) NOT NULL,
    desired_date         DATE,
    status               VARCHAR(20)   NOT NULL,
    status_reason        VARCHAR(4000),
    outcome              VARCHAR(4000),
    -- the minimum client data the partner needs, given by the case manager (events never carry it)
    client_full_name     VARCHAR(300)  NOT NULL,
    client_date_of_birth DATE,
    client_phone         VARCHAR(30),
    client_notes         VARCHAR(4000),
    created_at           TIMESTAMPTZ   NOT NULL,
    created_by           VARCHAR(100)  NOT NULL,
    requested_at         TIMESTAMPTZ,
    response_due_at      TIMESTAMPTZ,
    responded_at         TIMESTAMPTZ,
    response_overdue_at  TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX referral_case ON referral (case_id);
CREATE INDEX referral_partner_status ON referral (partner_id, status);
CREATE INDEX referral_hromada ON referral (hromada);
CREATE INDEX referral_awaiting_response ON referral (response_due_at)
    WHERE status = 'REQUESTED' AND response_overdue_at IS NULL;

-- Every status change, append-only.
CREATE TABLE referral_status_change (
    id           BIGSERIAL PRIMARY KEY,
    referral_id  UUID          NOT NULL REFERENCES referral (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    side         VARCHAR(20)   NOT NULL,
    changed_by   VARCHAR(300)  NOT NULL,
    reason       VARCHAR(4000),
    outcome      VARCHAR(4000),
    changed_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id, id);

-- Notes on a referral by either side (outcome notes of the partner, follow-ups of the case manager).
CREATE TABLE referral_note (
    id           UUID PRIMARY KEY,
    referral_id  UUID          NOT NULL REFERENCES referral (id),
    side         VARCHAR(20)   NOT NULL,
    author       VARCHAR(300)  NOT NULL,
    text         VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX referral_note_referral ON referral_note (referral_id, created_at);

-- Idempotency-Key of creating POSTs: the first outcome, replayed for a retry (per caller).
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
