-- The ingest filters a file was read under, as canonical JSON (src/measure/manifest-filters.ts);
-- NULL when it was read whole (and for files ingested before this column existed). A file is
-- skipped as unchanged only by a run these filters admit at least as much as. The local table
-- first, then the Distributed table over it. Placeholder: {db}. ClickHouse 18.16 has no
-- ADD COLUMN IF NOT EXISTS: the runner skips an ADD COLUMN whose column the table has (migrate.ts).

ALTER TABLE {db}.ingest_files_local ADD COLUMN filters Nullable(String);
ALTER TABLE {db}.ingest_files ADD COLUMN filters Nullable(String)
