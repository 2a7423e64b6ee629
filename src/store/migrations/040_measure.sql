-- Measurements (OONI raw JSONL ingest): the ingest manifest, one row per measurement with its
-- OONI-compatible flags and our per-layer verdict, rejects, aggregation cells, fingerprints.
-- Raw measurements stay in their source files: a row points at (file_id, line, byte_offset,
-- byte_length), like OONI's own `jsonl` table points at S3 (docs/design/020-measurement-pipeline.md).

-- One row per ingested file: identity (path, size, mtime, checksum), progress and counts.
CREATE TABLE ingest_files (
  file_id VARCHAR PRIMARY KEY,
  path VARCHAR NOT NULL,
  size BIGINT NOT NULL,
  mtime_ms BIGINT NOT NULL,
  checksum VARCHAR,
  status VARCHAR NOT NULL,
  lines_read BIGINT NOT NULL,
  stored BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  bytes_read BIGINT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  rules_version VARCHAR NOT NULL
);

CREATE TABLE measurements (
  id VARCHAR PRIMARY KEY,
  measurement_uid VARCHAR,
  report_id VARCHAR,
  input VARCHAR,
  probe_cc VARCHAR NOT NULL,
  probe_asn VARCHAR NOT NULL,
  probe_network_name VARCHAR,
  resolver_asn VARCHAR,
  test_name VARCHAR NOT NULL,
  test_version VARCHAR,
  software_name VARCHAR,
  software_version VARCHAR,
  platform VARCHAR,
  measurement_start_time TIMESTAMP NOT NULL,
  target VARCHAR NOT NULL,
  anomaly BOOLEAN NOT NULL,
  confirmed BOOLEAN NOT NULL,
  failure BOOLEAN NOT NULL,
  blocking_general DOUBLE NOT NULL,
  blocking_type VARCHAR,
  status VARCHAR NOT NULL,
  layers VARCHAR[] NOT NULL,
  mechanism VARCHAR,
  rules VARCHAR[] NOT NULL,
  evidence JSON NOT NULL,
  file_id VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  byte_length BIGINT NOT NULL,
  ingested_at TIMESTAMPTZ NOT NULL
);

-- Lines that could not be stored: where (file, line, byte offset) and why.
CREATE TABLE measurement_rejects (
  file_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  byte_offset BIGINT NOT NULL,
  reason VARCHAR NOT NULL,
  detail VARCHAR,
  raw_prefix VARCHAR,
  PRIMARY KEY (file_id, line)
);

-- Aggregation cells, recomputed only for the (day, probe_cc, probe_asn, test_name, target) keys
-- an ingest touched (listed in measurement_cells_dirty inside the same transaction as the rows).
CREATE TABLE measurement_cells (
  grain VARCHAR NOT NULL,
  bucket TIMESTAMP NOT NULL,
  probe_cc VARCHAR NOT NULL,
  probe_asn VARCHAR NOT NULL,
  test_name VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  n BIGINT NOT NULL,
  ok BIGINT NOT NULL,
  blocked BIGINT NOT NULL,
  likely_blocked BIGINT NOT NULL,
  down BIGINT NOT NULL,
  invalid BIGINT NOT NULL,
  insufficient BIGINT NOT NULL,
  ok_count BIGINT NOT NULL,
  anomaly_count BIGINT NOT NULL,
  confirmed_count BIGINT NOT NULL,
  failure_count BIGINT NOT NULL,
  reports BIGINT NOT NULL,
  mechanisms JSON NOT NULL,
  examples JSON NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (grain, bucket, probe_cc, probe_asn, test_name, target)
);

CREATE TABLE measurement_cells_dirty (
  day TIMESTAMP NOT NULL,
  probe_cc VARCHAR NOT NULL,
  probe_asn VARCHAR NOT NULL,
  test_name VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  PRIMARY KEY (day, probe_cc, probe_asn, test_name, target)
);

-- Block-page fingerprints (OONI DNS/HTTP, Censored Planet block pages and false positives),
-- replaced per source by `splinternet fingerprints import FILE`.
CREATE TABLE fingerprints (
  source VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  scope VARCHAR,
  location_found VARCHAR NOT NULL,
  pattern_type VARCHAR NOT NULL,
  pattern VARCHAR NOT NULL,
  expected_countries VARCHAR[] NOT NULL,
  doc JSON,
  PRIMARY KEY (source, name)
);

CREATE TABLE fingerprint_sources (
  source VARCHAR PRIMARY KEY,
  file VARCHAR NOT NULL,
  checksum VARCHAR NOT NULL,
  count BIGINT NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
);
