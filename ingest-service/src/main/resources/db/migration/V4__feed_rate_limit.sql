-- A feed's own request rate at the gateway (token bucket: requests per second, burst); NULL = the configured default.
ALTER TABLE feed ADD COLUMN requests_per_second DOUBLE PRECISION;
ALTER TABLE feed ADD COLUMN burst INTEGER;
ALTER TABLE feed ADD CONSTRAINT feed_rate_limit_both CHECK ((requests_per_second IS NULL) = (burst IS NULL));
