-- The originating event's W3C traceparent, copied by the relay onto the alert record's headers (docs/operations.md,
-- "Tracing"). 55 characters for version 00; room for future versions.
alter table alert_outbox add column traceparent varchar(128);
