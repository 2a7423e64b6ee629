-- Day cells that stay exact when one measurement is stored twice. Ingest asks which ids are stored
-- before inserting, but two ingests running at once (on one node or several) can both see an id
-- as new and both insert it: the measurements table collapses the copies (ReplacingMergeTree,
-- FINAL), while the count() states of migration 006 counted both. Here each sub-key row keeps the
-- exact set of measurement ids (uniqExactState(id)) instead of a count: a second copy of a
-- measurement adds an id already in the set, so merging the states counts it once, whichever
-- ingest, merge or backfill saw it. The report-id sets and the smallest id were already
-- idempotent. Because a repeated row changes nothing, the view is created before the rows already
-- stored are aggregated: a row inserted in between is seen by one or both, never by neither, and
-- a rerun of this migration after a crash changes no count. The count tables of 006 are dropped.
-- Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.day_cells_local (
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
  ids AggregateFunction(uniqExact, String),
  reports AggregateFunction(uniqExact, String),
  example AggregateFunction(min, String)
) ENGINE = AggregatingMergeTree
  ORDER BY (probe_cc, day, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly);

-- Read-only over the shards' cells (rows are written on each shard by its own view).
CREATE TABLE IF NOT EXISTS {db}.day_cells AS {db}.day_cells_local
  ENGINE = Distributed({cluster}, {db}, day_cells_local);

CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.day_cells_mv TO {db}.day_cells_local AS
  SELECT toStartOfDay(measurement_start_time) AS day, probe_cc, probe_asn, test_name, target, status,
    ifNull(mechanism, '') AS mech, isNotNull(mechanism) AS has_mech, failure, confirmed, anomaly,
    uniqExactState(id) AS ids, uniqExactState(report_id) AS reports, minState(id) AS example
  FROM {db}.measurements_local
  GROUP BY day, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly;

INSERT INTO {db}.day_cells_local
  SELECT toStartOfDay(measurement_start_time) AS day, probe_cc, probe_asn, test_name, target, status,
    ifNull(mechanism, '') AS mech, isNotNull(mechanism) AS has_mech, failure, confirmed, anomaly,
    uniqExactState(id) AS ids, uniqExactState(report_id) AS reports, minState(id) AS example
  FROM {db}.measurements_local FINAL
  GROUP BY day, probe_cc, probe_asn, test_name, target, status, mech, has_mech, failure, confirmed, anomaly;

DROP TABLE IF EXISTS {db}.cells_day_mv;
DROP TABLE IF EXISTS {db}.cells_day;
DROP TABLE IF EXISTS {db}.cells_day_local
