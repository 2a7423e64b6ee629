-- Crowdsourced speed tests on a cluster, sharded by (dataset, source file, line) so a re-import
-- of a file replaces its rows on the shard that holds them. Sources are one row per dataset.
-- Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.speedtest_sources_local (
  dataset String,
  name String,
  url Nullable(String),
  licence String,
  attribution Nullable(String),
  target_host Nullable(String),
  control_note Nullable(String),
  path String,
  imported_at String,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY dataset;

CREATE TABLE IF NOT EXISTS {db}.speedtest_sources AS {db}.speedtest_sources_local
  ENGINE = Distributed({cluster}, {db}, speedtest_sources_local, cityHash64(dataset));

CREATE TABLE IF NOT EXISTS {db}.speedtests_local (
  dataset String,
  source_file String,
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
  control_taco_result Nullable(Float64),
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY (dataset, source_file, line);

CREATE TABLE IF NOT EXISTS {db}.speedtests AS {db}.speedtests_local
  ENGINE = Distributed({cluster}, {db}, speedtests_local, cityHash64(dataset, source_file, line));
