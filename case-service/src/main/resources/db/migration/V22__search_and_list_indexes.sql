-- Indexes of the staff reads at national scale (issue 12: 1 M cases, 2 M clients; docs/performance.md).
--
-- Client search: a name fragment is matched anywhere in the folded name key (name_key LIKE '%word%', one
-- condition per word) within the caller's community. A trigram index answers such a LIKE without reading
-- every client of the community; with btree_gin the community is part of the same index, so the search
-- reads only the community's clients whose key holds the fragment's trigrams. Both extensions are
-- contrib modules marked trusted: the database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX client_hromada_name_trgm ON client USING gin (hromada, name_key gin_trgm_ops);

-- Case list of a community, newest first (ORDER BY opened_at DESC, id): a page is read in index order
-- instead of sorting every case of the community; the stage/model filters are checked on the way.
CREATE INDEX social_case_hromada_opened ON social_case (hromada, opened_at DESC, id);
-- The same list filtered by stage and model (the usual supervisor's view): the page and its total are
-- read from this index alone (the count an index-only scan) instead of visiting every case of the community.
CREATE INDEX social_case_hromada_stage_model ON social_case (hromada, stage, model, opened_at DESC, id);
