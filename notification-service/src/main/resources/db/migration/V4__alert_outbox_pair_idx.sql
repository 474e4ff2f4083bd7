-- The dashboard's pair detail reads a pair's latest alerts (service.AlertLog).
create index alert_outbox_pair_seq_idx on alert_outbox (pair, seq);
