-- Who may maintain a partner (issue 8, hole 2): the community of the supervisor who registered it
-- (null when a platform admin did), used while the partner has no locations yet.
alter table partner add column registered_hromada text;

-- Deactivating a partner suspends its keys; re-activating the partner does not revive them: an admin
-- re-activates each key explicitly (POST /partners/{id}/api-keys/{keyId}/reactivation).
alter table partner_api_key add column suspended_at timestamptz;
alter table partner_api_key add column suspended_by text;
