-- Throughput and TLS handshake time per OONI measurement, derived from test_keys.network_events
-- (throttling input b, docs/design/030-detection.md; src/measure/netevents). One row per raw line that carries a
-- network_events key, keyed like the raw pointer of `measurements` (file_id, line), so rows join
-- to the stored measurement and a re-extraction of a file replaces exactly its rows.
CREATE TABLE measurement_throughput (
  file_id VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  n_events INTEGER NOT NULL,
  n_read INTEGER NOT NULL,
  bytes_read BIGINT NOT NULL,
  connections INTEGER NOT NULL,
  throughput_kbps DOUBLE,
  throughput_method VARCHAR,
  transfer_bytes BIGINT,
  transfer_ms DOUBLE,
  tls_handshake_ms DOUBLE,
  tls_handshakes INTEGER NOT NULL,
  bad_events INTEGER NOT NULL,
  PRIMARY KEY (file_id, line)
);

-- Events that could not be used (missing/negative num_bytes, missing or backwards t, ...):
-- counted per measurement above and listed here (the first 20 per measurement).
CREATE TABLE measurement_throughput_rejects (
  file_id VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  event_index INTEGER NOT NULL,
  operation VARCHAR,
  reason VARCHAR NOT NULL,
  detail VARCHAR,
  PRIMARY KEY (file_id, line, event_index, reason)
);

-- Which ingested files were read for network_events, at which checksum, with what counts.
CREATE TABLE measurement_throughput_files (
  file_id VARCHAR PRIMARY KEY,
  checksum VARCHAR,
  lines_read BIGINT NOT NULL,
  unparsed BIGINT NOT NULL,
  with_events BIGINT NOT NULL,
  with_throughput BIGINT NOT NULL,
  bad_events BIGINT NOT NULL,
  extracted_at TIMESTAMPTZ NOT NULL
);
