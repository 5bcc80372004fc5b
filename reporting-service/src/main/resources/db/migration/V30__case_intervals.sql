-- Who held each case, where, and whether it was active, over time: the case assignment history as
-- intervals, for the workload figures over a period (case managers who worked in the period, cases
-- carried in the period). One interval starts at every row of rm_case_change and lasts until the
-- next change of the same case (valid_to NULL: still so). Its attributes are the latest values up to
-- and including its starting change, attribute by attribute, as in rm_case_change's definition.
-- The rows of a case are derived from its rm_case_change rows alone and recomputed whenever one of
-- them arrives (EventProjector), so they do not depend on the order events were read; a replay
-- empties and rebuilds this table with the others.
CREATE TABLE rm_case_interval (
    event_id          VARCHAR(200)  PRIMARY KEY,   -- the change that starts the interval
    case_key          CHAR(32)      NOT NULL,
    valid_from        TIMESTAMPTZ   NOT NULL,
    valid_to          TIMESTAMPTZ,
    status            VARCHAR(10),                 -- ACTIVE | CLOSED | NULL (nothing said yet)
    oblast            VARCHAR(5)    NOT NULL,
    hromada           VARCHAR(19)   NOT NULL,
    case_manager_key  CHAR(32),
    model             VARCHAR(20)
);
CREATE INDEX rm_case_interval_case ON rm_case_interval (case_key);
CREATE INDEX rm_case_interval_active ON rm_case_interval (valid_from, valid_to) WHERE status = 'ACTIVE';

-- The history already in rm_case_change (the same statement EventProjector runs for one case).
INSERT INTO rm_case_interval (event_id, case_key, valid_from, valid_to, status, oblast, hromada, case_manager_key, model)
SELECT c.event_id, c.case_key, c.at,
       lead(c.at) OVER (PARTITION BY c.case_key ORDER BY c.at, c.event_id),
       (SELECT s.status FROM rm_case_change s WHERE s.case_key = c.case_key AND s.status IS NOT NULL
          AND (s.at, s.event_id) <= (c.at, c.event_id) ORDER BY s.at DESC, s.event_id DESC LIMIT 1),
       c.oblast, c.hromada,
       (SELECT m.case_manager_key FROM rm_case_change m WHERE m.case_key = c.case_key AND m.sets_manager
          AND (m.at, m.event_id) <= (c.at, c.event_id) ORDER BY m.at DESC, m.event_id DESC LIMIT 1),
       (SELECT d.model FROM rm_case_change d WHERE d.case_key = c.case_key AND d.model IS NOT NULL
          AND (d.at, d.event_id) <= (c.at, c.event_id) ORDER BY d.at DESC, d.event_id DESC LIMIT 1)
FROM rm_case_change c;
