-- The ingest filters a file was read under, as canonical JSON (src/measure/manifest-filters.ts);
-- NULL when it was read whole (and for files ingested before this column existed). A file is
-- skipped as unchanged only by a run these filters admit at least as much as. The local table
-- first, then the Distributed table over it. Placeholder: {db}.

ALTER TABLE {db}.ingest_files_local ADD COLUMN IF NOT EXISTS filters Nullable(String);
ALTER TABLE {db}.ingest_files ADD COLUMN IF NOT EXISTS filters Nullable(String)
