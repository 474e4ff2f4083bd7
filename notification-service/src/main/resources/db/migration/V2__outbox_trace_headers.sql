-- What the relay copies onto the alert record besides the alert: the originating event's W3C traceparent (its trace
-- goes on to the gateway's push) and when ingest received that event (the gateway's received -> pushed delay).
-- Both come from the assessment record's headers (docs/operations.md, "Tracing"); null when it had none.
alter table alert_outbox add column traceparent varchar(128);
alter table alert_outbox add column event_received_at timestamptz;
