-- Throughput figures from OONI network_events, one row per raw line (file_id, line), with the
-- bad events and one record per extracted file. Sharded by file_id: a re-extraction of a file
-- replaces its rows on the shard that holds them. Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput_local (
  file_id String,
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
  bad_events UInt32,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY (file_id, line);

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput AS {db}.measurement_throughput_local
  ENGINE = Distributed({cluster}, {db}, measurement_throughput_local, cityHash64(file_id));

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput_rejects_local (
  file_id String,
  line UInt64,
  event_index UInt32,
  operation Nullable(String),
  reason String,
  detail Nullable(String),
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY (file_id, line, event_index, reason);

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput_rejects AS {db}.measurement_throughput_rejects_local
  ENGINE = Distributed({cluster}, {db}, measurement_throughput_rejects_local, cityHash64(file_id));

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput_files_local (
  file_id String,
  checksum Nullable(String),
  lines_read UInt64,
  unparsed UInt64,
  with_events UInt64,
  with_throughput UInt64,
  bad_events UInt64,
  extracted_at String,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY file_id;

CREATE TABLE IF NOT EXISTS {db}.measurement_throughput_files AS {db}.measurement_throughput_files_local
  ENGINE = Distributed({cluster}, {db}, measurement_throughput_files_local, cityHash64(file_id));
