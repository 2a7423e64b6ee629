-- Russia's blocking register on a cluster: snapshots, their files, every entry and every parsed
-- address range. Each import of a file writes its rows under a fresh generation number (gen);
-- the file's row in registry_files, written after all of them, makes that generation the
-- visible one (ReplacingMergeTree(gen): the latest committed generation wins). Rows of older or
-- unfinished generations are invisible to readers and deleted afterwards.
-- Entries and their ranges are sharded by (gen, line): an entry and its ranges share a shard,
-- and one dump spreads over all shards. Ranges carry their entry's decision, so the address
-- reads need no join. Addresses are 128-bit, kept as (hi, lo) UInt64 pairs (18.16 has no
-- UInt128); IPv4 has hi = 0. Placeholders: {db} and {cluster}.

CREATE TABLE IF NOT EXISTS {db}.registry_snapshots_local (
  id String,
  dump_at String,
  time_basis String,
  kind String,
  complete UInt8,
  lower_bound UInt8,
  doc String,
  updated_at String,
  ver UInt64
) ENGINE = ReplacingMergeTree(ver) ORDER BY id;

CREATE TABLE IF NOT EXISTS {db}.registry_snapshots AS {db}.registry_snapshots_local
  ENGINE = Distributed({cluster}, {db}, registry_snapshots_local, cityHash64(id));

CREATE TABLE IF NOT EXISTS {db}.registry_files_local (
  snapshot_id String,
  source_file String,
  id UInt32,
  gen UInt64,
  doc String,
  imported_at String
) ENGINE = ReplacingMergeTree(gen) ORDER BY (snapshot_id, source_file);

CREATE TABLE IF NOT EXISTS {db}.registry_files AS {db}.registry_files_local
  ENGINE = Distributed({cluster}, {db}, registry_files_local, cityHash64(snapshot_id, source_file));

-- Every generation an import started, so rows of one that never committed can be found and deleted.
CREATE TABLE IF NOT EXISTS {db}.registry_generations_local (
  snapshot_id String,
  source_file String,
  gen UInt64,
  started_at String
) ENGINE = MergeTree ORDER BY (snapshot_id, source_file, gen);

CREATE TABLE IF NOT EXISTS {db}.registry_generations AS {db}.registry_generations_local
  ENGINE = Distributed({cluster}, {db}, registry_generations_local, cityHash64(snapshot_id, source_file));

CREATE TABLE IF NOT EXISTS {db}.registry_entries_local (
  gen UInt64,
  line UInt32,
  ips String,
  domain String,
  urls String,
  decision_body String,
  decision_number String,
  decision_date Nullable(String)
) ENGINE = MergeTree ORDER BY (gen, line);

CREATE TABLE IF NOT EXISTS {db}.registry_entries AS {db}.registry_entries_local
  ENGINE = Distributed({cluster}, {db}, registry_entries_local, cityHash64(gen, line));

CREATE TABLE IF NOT EXISTS {db}.registry_ranges_local (
  gen UInt64,
  line UInt32,
  family UInt8,
  first_hi UInt64,
  first_lo UInt64,
  last_hi UInt64,
  last_lo UInt64,
  prefix UInt8,
  decision_body String,
  decision_number String,
  decision_date Nullable(String)
) ENGINE = MergeTree ORDER BY (gen, family, first_hi, first_lo, last_hi, last_lo);

CREATE TABLE IF NOT EXISTS {db}.registry_ranges AS {db}.registry_ranges_local
  ENGINE = Distributed({cluster}, {db}, registry_ranges_local, cityHash64(gen, line));
