-- Tracing across the loop: the W3C trace context of the request that wrote an event, carried to Kafka
-- as the CloudEvents distributed-tracing attribute (ce_traceparent / ce_tracestate headers).
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN trace_state VARCHAR(512);
