-- Crowdsourced speed tests (throttling detector input a, docs/design/030-detection.md). One row per test as the
-- dataset publishes it; column names kept verbatim from the source CSV. Each dataset keeps its
-- origin and licence in speedtest_sources, so every figure derived from it can cite them.
CREATE TABLE speedtest_sources (
  dataset VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  url VARCHAR,
  licence VARCHAR NOT NULL,
  attribution VARCHAR,
  target_host VARCHAR,
  control_note VARCHAR,
  path VARCHAR NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE speedtests (
  dataset VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  datetime_rounded TIMESTAMPTZ NOT NULL,
  anonymized_ip VARCHAR,
  subnet VARCHAR,
  asn BIGINT,
  as_country VARCHAR,
  as_organization VARCHAR,
  as_organization_iden VARCHAR,
  version VARCHAR,
  test_result DOUBLE NOT NULL,
  control_result DOUBLE NOT NULL,
  control_taco_result DOUBLE,
  PRIMARY KEY (dataset, source_file, line)
);
