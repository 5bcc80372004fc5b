-- Idempotency-Key outcomes expire (platform.idempotency.retention) and are purged by age.
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
