-- Speed tests and network-event throughput written per import generation, so a re-import that
-- fails or is killed never hides the previous version of a file. Rows carry the generation in
-- their sorting key (plain MergeTree: no merge ever collapses an unfinished generation with the
-- committed one); a file's marker row, written after all of its rows, names the committed
-- generation; readers read only committed generations; replaced generations are deleted
-- afterwards. Rows already stored become the generation of their file (their `ver`), copied
-- on each shard; the copy skips what a cut-short run already copied. The tables of migrations
-- 002 and 003 that these replace are left in place, unread. Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.speedtest_rows_local (
  dataset String,
  source_file String,
  gen UInt64,
  line UInt32,
  datetime_rounded DateTime('UTC'),
  anonymized_ip Nullable(String),
  subnet Nullable(String),
  asn Nullable(Int64),
  as_country Nullable(String),
  as_organization Nullable(String),
  as_organization_iden Nullable(String),
  version Nullable(String),
  test_result Float64,
  control_result Float64,
  control_taco_result Nullable(Float64)
) ENGINE = MergeTree ORDER BY (dataset, source_file, gen, line);

CREATE TABLE IF NOT EXISTS {db}.speedtest_rows AS {db}.speedtest_rows_local
  ENGINE = Distributed({cluster}, {db}, speedtest_rows_local, cityHash64(dataset, source_file, line));

-- One marker per committed import of a file. A file's markers may sit on several shards (the
-- copy below writes them where the rows were): readers take max(gen) per file.
CREATE TABLE IF NOT EXISTS {db}.speedtest_files_local (
  dataset String,
  source_file String,
  gen UInt64
) ENGINE = ReplacingMergeTree(gen) ORDER BY (dataset, source_file);

CREATE TABLE IF NOT EXISTS {db}.speedtest_files AS {db}.speedtest_files_local
  ENGINE = Distributed({cluster}, {db}, speedtest_files_local, cityHash64(dataset, source_file));

INSERT INTO {db}.speedtest_rows_local
  SELECT dataset, source_file, ver, line, datetime_rounded, anonymized_ip, subnet, asn, as_country, as_organization,
    as_organization_iden, version, test_result, control_result, control_taco_result
  FROM {db}.speedtests_local FINAL
  WHERE (dataset, source_file, ver) NOT IN (SELECT dataset, source_file, gen FROM {db}.speedtest_rows_local);

INSERT INTO {db}.speedtest_files_local
  SELECT dataset, source_file, max(ver) FROM {db}.speedtests_local FINAL GROUP BY dataset, source_file;

-- Throughput rows and bad events, sharded by file_id like measurement_throughput_files, whose
-- row (ver = the generation) is the marker: a file's rows and its marker share a shard.
CREATE TABLE IF NOT EXISTS {db}.throughput_rows_local (
  file_id String,
  gen UInt64,
  line UInt64,
  n_events UInt32,
  n_read UInt32,
  bytes_read UInt64,
  connections UInt32,
  throughput_kbps Nullable(Float64),
  throughput_method Nullable(String),
  transfer_bytes Nullable(Int64),
  transfer_ms Nullable(Float64),
  tls_handshake_ms Nullable(Float64),
  tls_handshakes UInt32,
  bad_events UInt32
) ENGINE = MergeTree ORDER BY (file_id, gen, line);

CREATE TABLE IF NOT EXISTS {db}.throughput_rows AS {db}.throughput_rows_local
  ENGINE = Distributed({cluster}, {db}, throughput_rows_local, cityHash64(file_id));

CREATE TABLE IF NOT EXISTS {db}.throughput_rejects_local (
  file_id String,
  gen UInt64,
  line UInt64,
  event_index UInt32,
  operation Nullable(String),
  reason String,
  detail Nullable(String)
) ENGINE = MergeTree ORDER BY (file_id, gen, line, event_index, reason);

CREATE TABLE IF NOT EXISTS {db}.throughput_rejects AS {db}.throughput_rejects_local
  ENGINE = Distributed({cluster}, {db}, throughput_rejects_local, cityHash64(file_id));

INSERT INTO {db}.throughput_rows_local
  SELECT file_id, ver, line, n_events, n_read, bytes_read, connections, throughput_kbps, throughput_method, transfer_bytes,
    transfer_ms, tls_handshake_ms, tls_handshakes, bad_events
  FROM {db}.measurement_throughput_local FINAL
  WHERE (file_id, ver) NOT IN (SELECT file_id, gen FROM {db}.throughput_rows_local);

INSERT INTO {db}.throughput_rejects_local
  SELECT file_id, ver, line, event_index, operation, reason, detail
  FROM {db}.measurement_throughput_rejects_local FINAL
  WHERE (file_id, ver) NOT IN (SELECT file_id, gen FROM {db}.throughput_rejects_local)
