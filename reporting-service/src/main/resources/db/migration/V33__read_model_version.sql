-- How often each instance changed the read models (an applied batch of events, a replay's reset).
-- Statistics answers are cached until the read models change: the sum over the rows is the version the
-- cache compares (a row per process, so instances never wait on each other's row). Not a read model
-- itself: a replay does not truncate it, so the version never goes back.
CREATE TABLE read_model_version (
    instance UUID PRIMARY KEY,
    changes  BIGINT NOT NULL
);
