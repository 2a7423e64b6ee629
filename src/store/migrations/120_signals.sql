-- Outage signals: one value per (data source, entity, time bin), e.g. IODA's telescope count
-- for AS44244 every 5 minutes, or OONI's measurement count per network per day. A NULL value
-- is a missing sample (kept: a gap must never read as an outage). Rows remember the file and
-- line they came from, so every figure traces back to its input.
CREATE TABLE signal_points (
  source VARCHAR NOT NULL,
  entity_type VARCHAR NOT NULL,   -- country | region | asn
  entity_code VARCHAR NOT NULL,   -- IR | IR-07 | AS44244
  t TIMESTAMPTZ NOT NULL,
  value DOUBLE,
  cc VARCHAR,                     -- the entity's country when known (ISO 3166-1 alpha-2)
  entity_name VARCHAR,
  source_file VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  PRIMARY KEY (source, entity_type, entity_code, t)
);

-- One row per imported file: what was read, stored and rejected, at which checksum.
CREATE TABLE signal_files (
  path VARCHAR PRIMARY KEY,
  checksum VARCHAR NOT NULL,
  records_read BIGINT NOT NULL,
  stored BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
);
