-- The partner rate limit is shared by every instance of referral-service (issue 13): the sliding window
-- of each API key (the times, in epoch milliseconds, of the requests admitted in the last window) lives
-- here instead of in one process's memory. A request locks its key's row (SELECT ... FOR UPDATE), so
-- requests of one key are counted one after the other whichever instance serves them.
create table partner_api_key_window (
    key_id       uuid     primary key references partner_api_key (id) on delete cascade,
    admitted_at  bigint[] not null default '{}'
);
