-- Idempotent consumers: ids of events already applied to the read models, recorded in the
-- same transaction as the read-model change, so a redelivered or replayed event counts once.
CREATE TABLE processed_event (
    event_id      VARCHAR(200)  PRIMARY KEY,
    type          VARCHAR(150)  NOT NULL,
    processed_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
