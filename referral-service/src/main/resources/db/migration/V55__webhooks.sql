-- Webhooks: partners that cannot poll register an endpoint; every change of their referrals is POSTed to it,
-- signed in the style of the Standard Webhooks convention (see docs/partner-integration.md#webhooks).

-- A partner's endpoint. The signing secret is kept as issued, in its own column: the service must compute
-- the HMAC of every delivery with it, so a one-way hash (as for API keys) cannot work. It is shown to the
-- partner only in the answer that registers the endpoint, never listed, never logged, never put in events.
CREATE TABLE webhook_subscription (
    id               UUID PRIMARY KEY,
    partner_id       UUID          NOT NULL REFERENCES partner (id),
    url              VARCHAR(2000) NOT NULL,
    description      VARCHAR(200),
    signing_secret   VARCHAR(100)  NOT NULL,
    secret_prefix    VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    disabled_at      TIMESTAMPTZ,
    disabled_reason  VARCHAR(1000),
    reactivated_at   TIMESTAMPTZ,
    reactivated_by   VARCHAR(100),
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_partner ON webhook_subscription (partner_id);

-- One event for one endpoint. The id is the webhook-id header: the same on every attempt, so the receiver
-- can drop repeats. The body is stored as sent, so every attempt signs and sends the same bytes.
CREATE TABLE webhook_delivery (
    id                UUID PRIMARY KEY,
    seq               BIGSERIAL     NOT NULL,
    subscription_id   UUID          NOT NULL REFERENCES webhook_subscription (id),
    partner_id        UUID          NOT NULL REFERENCES partner (id),
    referral_id       UUID          NOT NULL,
    case_id           UUID          NOT NULL,
    event_id          VARCHAR(200)  NOT NULL,
    event_type        VARCHAR(150)  NOT NULL,
    occurred_at       TIMESTAMPTZ   NOT NULL,
    body              TEXT          NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    attempts          INT           NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ   NOT NULL,
    next_attempt_at   TIMESTAMPTZ,
    first_attempt_at  TIMESTAMPTZ,
    last_attempt_at   TIMESTAMPTZ,
    last_status_code  INT,
    last_error        VARCHAR(500),
    delivered_at      TIMESTAMPTZ,
    closed_reason     VARCHAR(500),
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_referral ON webhook_delivery (subscription_id, referral_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_case ON webhook_delivery (case_id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, seq);

-- Every attempt at a delivery: when, the receiver's status code or the error, how long it took.
CREATE TABLE webhook_attempt (
    id            UUID PRIMARY KEY,
    delivery_id   UUID         NOT NULL REFERENCES webhook_delivery (id),
    attempt       INT          NOT NULL,
    attempted_at  TIMESTAMPTZ  NOT NULL,
    status_code   INT,
    error         VARCHAR(500),
    duration_ms   BIGINT       NOT NULL,
    UNIQUE (delivery_id, attempt)
);
