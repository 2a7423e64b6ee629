-- Day cells maintained at ingest: each shard's materialized view turns every insert into its
-- measurements_local into partial aggregates (count, report ids as an exact-uniq state, smallest
-- id) per (day, country, network, test, target, status, mechanism, flags), merged in the
-- background. The day summary reads these instead of grouping the measurements with FINAL.
-- They count each stored row: ingest never stores a measurement twice (it asks which ids are
-- stored before inserting; docs/design/005-clickhouse-store.md). Rows already stored are
-- aggregated once, before the view exists, by the guarded INSERT below (skipped when the
-- table already holds cells, so a rerun after a crash does not add them twice).
-- The mechanism is kept as mech ('' when none) and has_mech: a sorting key cannot be Nullable on
-- 18.16, and an alias named like its column would shadow it. Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.cells_day_local (
  day DateTime('UTC'),
  probe_cc String,
  probe_asn String,
  test_name String,
  target String,
  status String,
  mech String,
  has_mech UInt8,
  failure UInt8,
  confirmed UInt8,
  anomaly UInt8,
  n AggregateFunction(count),
  reports AggregateFunction(uniqExact, String),
  example AggregateFunction(min, String)
) ENGINE = AggregatingMergeTree
  ORDER BY (probe_cc, day, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly);

-- Read-only over the shards' cells (rows are written on each shard by its own view).
CREATE TABLE IF NOT EXISTS {db}.cells_day AS {db}.cells_day_local
  ENGINE = Distributed({cluster}, {db}, cells_day_local);

INSERT INTO {db}.cells_day_local
  SELECT toStartOfDay(measurement_start_time) AS day, probe_cc, probe_asn, test_name, target, status,
    ifNull(mechanism, '') AS mech, isNotNull(mechanism) AS has_mech, failure, confirmed, anomaly,
    countState() AS n, uniqExactState(report_id) AS reports, minState(id) AS example
  FROM {db}.measurements_local FINAL
  WHERE (SELECT count() FROM {db}.cells_day_local) = 0
  GROUP BY day, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly;

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.cells_day_mv TO {db}.cells_day_local AS
  SELECT toStartOfDay(measurement_start_time) AS day, probe_cc, probe_asn, test_name, target, status,
    ifNull(mechanism, '') AS mech, isNotNull(mechanism) AS has_mech, failure, confirmed, anomaly,
    countState() AS n, uniqExactState(report_id) AS reports, minState(id) AS example
  FROM {db}.measurements_local
  GROUP BY day, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly
