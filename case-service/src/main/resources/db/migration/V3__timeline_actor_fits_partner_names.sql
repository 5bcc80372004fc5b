-- A referral change by a partner is attributed to the partner by name; partner names are up to 300
-- characters (referral-service, event schema maxLength), so the actor column takes them whole.
ALTER TABLE timeline_entry ALTER COLUMN actor TYPE VARCHAR(300);
