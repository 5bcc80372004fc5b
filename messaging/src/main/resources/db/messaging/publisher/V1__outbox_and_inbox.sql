-- Transactional outbox: events written in the same transaction as the change they describe,
-- published to Kafka by the relay (messaging module: ua.social.messaging.OutboxRelay) and marked as sent.
CREATE TABLE outbox_event (
    id            UUID PRIMARY KEY,
    seq           BIGSERIAL     NOT NULL,
    topic         VARCHAR(100)  NOT NULL,
    event_key     VARCHAR(100)  NOT NULL,
    type          VARCHAR(150)  NOT NULL,
    source        VARCHAR(200)  NOT NULL,
    subject       VARCHAR(200),
    occurred_at   TIMESTAMPTZ   NOT NULL,
    payload       JSONB         NOT NULL,
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: ids of events already applied, recorded in the same transaction.
CREATE TABLE processed_event (
    event_id      VARCHAR(200)  PRIMARY KEY,
    type          VARCHAR(150)  NOT NULL,
    processed_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
