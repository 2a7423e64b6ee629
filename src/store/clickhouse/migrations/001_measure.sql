-- Measurements on a cluster: one local ReplacingMergeTree table per shard and a Distributed
-- table over them. The sharding key is the measurement id (file_id for the manifest and
-- rejects), so every copy of one measurement lands on one shard and the shard's merges (and
-- FINAL reads) collapse them. `ver` decides which copy wins: ingest writes a descending
-- version (the earliest ingest wins, like DuckDB's INSERT OR IGNORE).
-- Placeholders: {db} and {cluster}, replaced by the migrator with checked names.

CREATE TABLE IF NOT EXISTS {db}.ingest_files_local (
  file_id String,
  path String,
  size UInt64,
  mtime_ms Float64,
  checksum Nullable(String),
  status String,
  lines_read UInt64,
  stored UInt64,
  duplicates UInt64,
  rejected UInt64,
  bytes_read UInt64,
  started_at String,
  finished_at Nullable(String),
  rules_version String,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY file_id;

CREATE TABLE IF NOT EXISTS {db}.ingest_files AS {db}.ingest_files_local
  ENGINE = Distributed({cluster}, {db}, ingest_files_local, cityHash64(file_id));

CREATE TABLE IF NOT EXISTS {db}.measurements_local (
  id String,
  measurement_uid Nullable(String),
  report_id Nullable(String),
  input Nullable(String),
  probe_cc String,
  probe_asn String,
  probe_network_name Nullable(String),
  resolver_asn Nullable(String),
  test_name String,
  test_version Nullable(String),
  software_name Nullable(String),
  software_version Nullable(String),
  platform Nullable(String),
  measurement_start_time DateTime('UTC'),
  target String,
  anomaly UInt8,
  confirmed UInt8,
  failure UInt8,
  blocking_general Float64,
  blocking_type Nullable(String),
  status String,
  layers Array(String),
  mechanism Nullable(String),
  rules Array(String),
  evidence String,
  file_id String,
  line UInt64,
  byte_offset UInt64,
  byte_length UInt64,
  ingested_at String,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver)
  PARTITION BY toYYYYMM(measurement_start_time)
  ORDER BY (probe_cc, test_name, measurement_start_time, id);

CREATE TABLE IF NOT EXISTS {db}.measurements AS {db}.measurements_local
  ENGINE = Distributed({cluster}, {db}, measurements_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS {db}.measurement_rejects_local (
  file_id String,
  path String,
  line UInt64,
  byte_offset UInt64,
  reason String,
  detail Nullable(String),
  raw_prefix Nullable(String),
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY (file_id, line);

CREATE TABLE IF NOT EXISTS {db}.measurement_rejects AS {db}.measurement_rejects_local
  ENGINE = Distributed({cluster}, {db}, measurement_rejects_local, cityHash64(file_id));
